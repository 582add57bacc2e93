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

const functions = async () =>
  (await ds.query(`SELECT proname FROM pg_proc WHERE proname LIKE 'es\\_%' ORDER BY proname`)).map((r: { proname: string }) => r.proname);

/** Appends alone and in batches (two writers, one batch at a time), and reads them back. */
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
  } finally {
    await store.close();
  }
}

describe('event store migrations', () => {
  it('go up, down one by one to nothing, and up again, and appends work at the top each time', async () => {
    await ds.runMigrations();
    const top = await functions();
    expect(top).toEqual(expect.arrayContaining(['es_append', 'es_append_batch', 'es_append_item_under_locks', 'es_idem_lock_key']));
    await appendsWork();
    expect((await ds.query(`SELECT to_regclass('es_seal_leaves') AS t`))[0].t).toBe('es_seal_leaves');
    const keyLocks = EVENT_STORE_MIGRATIONS.findIndex((m) => m.name === 'AppendKeyLocks1764300009000') + 1;
    for (let i = EVENT_STORE_MIGRATIONS.length; i > 0; i--) {
      await ds.undoLastMigration();
      if (i === keyLocks) {
        // One step down: the batch version before key locks, still able to append.
        expect(await functions()).toEqual(expect.arrayContaining(['es_append', 'es_append_batch', 'es_append_locked']));
        await appendsWork();
      }
    }
    expect(await functions()).toEqual([]);
    expect((await ds.query(`SELECT to_regclass('es_events') AS t`))[0].t).toBeNull();
    await ds.runMigrations();
    expect(await functions()).toEqual(top);
    await appendsWork();
  });
});
