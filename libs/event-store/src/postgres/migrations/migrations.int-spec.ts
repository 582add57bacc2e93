import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { EVENT_STORE_MIGRATIONS } from '../../index';
import { PostgresEventStore } from '../postgres-event-store';

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('es_migrations');
  ds = new DataSource({ type: 'postgres', url: db.url, migrations: [...EVENT_STORE_MIGRATIONS] });
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

/** Every table, index, sequence, trigger and function in the schema, except TypeORM's own migrations table. */
async function schemaObjects(): Promise<string[]> {
  const rows: { o: string }[] = await ds.query(`
    SELECT c.relkind::text || ' ' || c.relname AS o FROM pg_class c
      LEFT JOIN pg_index x ON x.indexrelid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'migrations%' AND x.indrelid IS DISTINCT FROM 'migrations'::regclass
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass FROM pg_trigger t WHERE NOT t.tgisinternal
    UNION ALL
    SELECT 'function ' || p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
    ORDER BY 1`);
  return rows.map((r) => r.o);
}

/** What the store relies on (relkinds: r table, i index, S sequence). */
const STORE_SCHEMA = [
  'S es_events_global_position_seq',
  'function es_append(text,integer,jsonb,text,text,text,jsonb,text,integer)',
  'function es_append_batch(jsonb)',
  'function es_append_guards(text,integer,jsonb,text,text,text,jsonb,jsonb)',
  'function es_append_item_under_locks(xid8,timestamp with time zone,text,integer,jsonb,text,text,text,jsonb,text,integer)',
  'function es_event_hash(bytea,text,integer,text,smallint,jsonb,jsonb,timestamp with time zone)',
  'function es_idem_lock_key(text,text)',
  'function es_refuse_change()',
  'i es_events_pkey',
  'i es_events_read_order',
  'i es_events_stream_version',
  'i es_idempotency_pkey',
  'i es_seal_leaves_pkey',
  'r es_events',
  'r es_idempotency',
  'r es_seal_leaves',
  'trigger es_events_append_only on es_events',
  'trigger es_events_no_truncate on es_events',
];

/** Appends alone and in batches (two writers, one batch at a time), with idempotency keys, and reads them back. */
async function appendsWork(): Promise<void> {
  const store = new PostgresEventStore({ connectionString: db.url, appendBatchesInFlight: 1 });
  try {
    const streams = Array.from({ length: 6 }, () => `m-${randomUUID()}`);
    const results = await Promise.all(
      streams.map((s, i) =>
        store.appendToStream(s, [{ type: 'T', data: { i } }], {
          expected: 'no_stream',
          idempotency: { scope: 'm', key: s, requestHash: 'h', response: {} },
        }),
      ),
    );
    expect(results.map((r) => r.nextVersion)).toEqual(streams.map(() => 1));
    expect(store.appendStats.batches).toBeGreaterThan(0);
    expect(store.appendStats.fallbacks).toBe(0);
    for (const s of streams) expect(await store.verifyStream(s)).toMatchObject({ valid: true, events: 1 });
    const guarded = await store.appendToStream(streams[0], [{ type: 'T', data: {} }], {
      expected: 1,
      guard: [
        { streamId: streams[1], version: 1 },
        { streamId: streams[2], version: 1 },
      ],
    });
    expect(guarded.nextVersion).toBe(2);
  } finally {
    await store.close();
  }
}

describe('event store migrations', () => {
  it('when run up, the schema is exactly what the store uses, and appends work', async () => {
    await ds.runMigrations();
    expect(await schemaObjects()).toEqual(STORE_SCHEMA);
    await appendsWork();
  });

  it('when undone, nothing of the event store is left, and running them again gives the same schema back', async () => {
    for (let i = EVENT_STORE_MIGRATIONS.length; i > 0; i--) await ds.undoLastMigration();
    expect(await schemaObjects()).toEqual([]);
    await ds.runMigrations();
    expect(await schemaObjects()).toEqual(STORE_SCHEMA);
    await appendsWork();
  });
});
