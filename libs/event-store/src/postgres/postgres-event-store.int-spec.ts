import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { EVENT_STORE_MIGRATIONS, GuardStreamChanged } from '../index';
import { eventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('event_store');
  const ds = new DataSource({ type: 'postgres', url: db.url, migrations: [...EVENT_STORE_MIGRATIONS] });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
});
afterAll(() => db.drop());

eventStoreContract('PostgresEventStore', async (upcasters) => new PostgresEventStore({ connectionString: db.url, upcasters }));

describe('PostgresEventStore — PostgreSQL specifics', () => {
  let store: PostgresEventStore;
  let sql: Client;
  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: db.url });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await store.close();
  });
  const event = (type: string) => ({ type, data: { at: randomUUID() } });

  async function drain(after: Parameters<PostgresEventStore['readAll']>[0]['after']) {
    const seen: number[] = [];
    let checkpoint = after;
    for (;;) {
      const page = await store.readAll({ after: checkpoint, limit: 100 });
      if (!page.events.length) return { seen, checkpoint };
      seen.push(...page.events.map((e) => e.globalPosition));
      checkpoint = page.checkpoint;
    }
  }

  it('when a slow transaction commits after a faster one, a reader still gets its event (no gap)', async () => {
    const { checkpoint: start } = await drain(null);
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const held = await slow.query(
        `SELECT global_position FROM es_append($1, NULL, '[{"type": "Slow", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`,
        [`gap-${randomUUID()}`],
      );
      const slowPosition = Number(held.rows[0].global_position);
      const fast = await store.appendToStream(`gap-${randomUUID()}`, [event('Fast')], { expected: 'no_stream' });
      expect(fast.lastPosition).toBeGreaterThan(slowPosition);

      const whileOpen = await drain(start);
      expect(whileOpen.seen).not.toContain(fast.lastPosition); // held back behind the open transaction
      await slow.query('COMMIT');
      const afterCommit = await drain(whileOpen.checkpoint);
      expect([...whileOpen.seen, ...afterCommit.seen]).toEqual(expect.arrayContaining([slowPosition, fast.lastPosition]));
      expect(afterCommit.seen.indexOf(slowPosition)).toBeLessThan(afterCommit.seen.indexOf(fast.lastPosition));
    } finally {
      await slow.end();
    }
  });

  it('when the guard stream is being appended to, a guarded append waits for that commit and then fails', async () => {
    const guarded = `guard-${randomUUID()}`;
    await store.appendToStream(guarded, [event('Policy')], { expected: 'no_stream' });
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`SELECT * FROM es_append($1, 1, '[{"type": "PolicyChanged", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`, [guarded]);
      let settled = false;
      const ticket = `ticket-${randomUUID()}`;
      const waiting = store.appendToStream(ticket, [event('Filed')], { expected: 'no_stream', guard: { streamId: guarded, version: 1 } });
      waiting.then(() => (settled = true), () => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // held by the open append to the guard stream
      await writer.query('COMMIT');
      await expect(waiting).rejects.toBeInstanceOf(GuardStreamChanged);
      expect(await store.readStream(ticket)).toEqual([]);
    } finally {
      await writer.end();
    }
  });

  it('when anyone tries to UPDATE, DELETE or TRUNCATE events, the database refuses', async () => {
    const id = `tamper-${randomUUID()}`;
    await store.appendToStream(id, [event('A')], { expected: 'no_stream' });
    await expect(sql.query(`UPDATE es_events SET data = '{}' WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM es_events WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE es_events`)).rejects.toThrow(/append-only/);
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('when each hash is recomputed from the previous one, the chain is continuous', async () => {
    const id = `chain-${randomUUID()}`;
    await store.appendToStream(id, [event('A'), event('B')], { expected: 'no_stream' });
    await store.appendToStream(id, [event('C')], { expected: 2 });
    const { rows } = await sql.query(
      `SELECT stream_version, hash = es_event_hash(lag(hash) OVER (ORDER BY stream_version), stream_id, stream_version,
              type, schema_version, data, metadata, recorded_at) AS chained,
              hash = es_event_hash(NULL, stream_id, stream_version, type, schema_version, data, metadata, recorded_at) AS unchained
         FROM es_events WHERE stream_id = $1 ORDER BY stream_version`,
      [id],
    );
    expect(rows.map((r) => r.chained)).toEqual([true, true, true]);
    expect(rows.map((r) => r.unchained)).toEqual([true, false, false]);
  });

  it('when a superuser alters an event behind the trigger, the chain is reported broken at that event', async () => {
    const id = `forged-${randomUUID()}`;
    await store.appendToStream(id, [event('A'), event('B'), event('C')], { expected: 'no_stream' });
    await sql.query('BEGIN');
    await sql.query('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
    await sql.query(`UPDATE es_events SET data = '{"forged": true}' WHERE stream_id = $1 AND stream_version = 2`, [id]);
    await sql.query('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
    await sql.query('COMMIT');
    const verdict = await store.verifyStream(id);
    expect(verdict).toMatchObject({ valid: false, events: 3, brokenAt: { streamId: id, streamVersion: 2 } });
    const broken = [];
    for await (const v of store.verifyAll()) if (!v.valid) broken.push(v.streamId);
    expect(broken).toEqual([id]);
  });

  it('when events wait behind a checkpoint, backlog counts them and dates the oldest', async () => {
    const { checkpoint } = await drain(null);
    await store.appendToStream(`lag-${randomUUID()}`, [event('A'), event('B')], { expected: 'no_stream' });
    const backlog = await store.backlog(checkpoint ?? null, 1000);
    expect(backlog.events).toBe(2);
    expect(backlog.oldestRecordedAt).toBeInstanceOf(Date);
    expect(await store.backlog(checkpoint ?? null, 1)).toMatchObject({ events: 1 });
  });
});

describe('PostgresEventStore — read order across transaction ids of different lengths', () => {
  it('when transaction ids cross a power of ten (99 → 100), readers still page through them in numeric order', async () => {
    const db2 = await createTestDatabase('xid_order');
    const ds = new DataSource({ type: 'postgres', url: db2.url, migrations: [...EVENT_STORE_MIGRATIONS] });
    await ds.initialize();
    await ds.runMigrations();
    // Rows written as if by old transactions 99 and 100: as text, '100' sorts before '99'.
    for (const [tx, stream] of [[99, 'old-a'], [100, 'old-b']] as const) {
      await ds.query(
        `INSERT INTO es_events (transaction_id, stream_id, stream_version, type, data, metadata, recorded_at, hash)
         VALUES ($1::text::xid8, $2, 1, 'Old', '{}', '{}', now(), es_event_hash(NULL, $2, 1, 'Old', 1::smallint, '{}', '{}', now()))`,
        [tx, stream],
      );
    }
    await ds.destroy();
    const store = new PostgresEventStore({ connectionString: db2.url });
    try {
      const first = await store.readAll({ after: null, limit: 1 });
      const second = await store.readAll({ after: first.checkpoint, limit: 1 });
      expect([...first.events, ...second.events].map((e) => e.streamId)).toEqual(['old-a', 'old-b']);
    } finally {
      await store.close();
      await db2.drop();
    }
  });
});
