import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import {
  EVENT_STORE_MIGRATIONS,
  GuardStreamChanged,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type Checkpoint,
  type ReadAllResult,
} from '../index';
import { decodePgCheckpoint } from './checkpoint';
import { eventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { IDEM_LOCK_CLASS } from './sql/idem-lock';

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
      const page: ReadAllResult = await store.readAll({ after: checkpoint, limit: 100 });
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

  it('head is the last event in read order, not the highest position: nothing committed lies after it', async () => {
    const early = new Client({ connectionString: db.url });
    await early.connect();
    try {
      // `early` takes its transaction id first; `late` takes a later id but inserts first.
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');
      const late = await store.appendToStream(`head-${randomUUID()}`, [event('Late')], { expected: 'no_stream' });
      const held = await early.query(
        `SELECT global_position FROM es_append($1, NULL, '[{"type": "Early", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`,
        [`head-${randomUUID()}`],
      );
      await early.query('COMMIT');
      expect(Number(held.rows[0].global_position)).toBeGreaterThan(late.lastPosition);

      const head = await store.head();
      expect(head.position).toBe(late.lastPosition);
      expect(await store.covers(head.checkpoint, late.lastPosition)).toBe(true);
      expect(await store.covers(head.checkpoint, Number(held.rows[0].global_position))).toBe(true);
      expect((await store.readAll({ after: head.checkpoint, limit: 10 })).events).toEqual([]);
    } finally {
      await early.end();
    }
  });

  it('when a slow transaction commits an event late, the heads at an earlier settled checkpoint do not change (at head() they would)', async () => {
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    const slowStream = `late-${randomUUID()}`;
    try {
      await store.appendToStream(slowStream, [event('First')], { expected: 'no_stream' });
      await slow.query('BEGIN');
      await slow.query(
        `SELECT global_position FROM es_append($1, NULL, '[{"type": "Slow", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`,
        [slowStream],
      );
      const fast = await store.appendToStream(`late-${randomUUID()}`, [event('Fast')], { expected: 'no_stream' });
      const head = await store.head();
      expect(head.position).toBe(fast.lastPosition);
      const settled = await store.settledHead();
      expect(await store.covers(settled.checkpoint, fast.lastPosition)).toBe(false); // held back behind the open transaction
      const before = await store.streamHeads(settled.checkpoint!);
      const atHeadBefore = await store.streamHeads(head.checkpoint!);
      expect(before.find((h) => h.streamId === slowStream)?.version).toBe(1);

      await slow.query('COMMIT');
      expect(await store.streamHeads(settled.checkpoint!)).toEqual(before);
      const atHeadAfter = await store.streamHeads(head.checkpoint!);
      expect(atHeadAfter.find((h) => h.streamId === slowStream)?.version).toBe(2); // why a seal stands at the settled head
      expect(atHeadAfter).not.toEqual(atHeadBefore);
    } finally {
      await slow.end();
    }
  });

  it('when its LISTEN connection is cut, a listener hears other processes again without appending itself', async () => {
    const listening = new PostgresEventStore({ connectionString: db.url });
    const other = new PostgresEventStore({ connectionString: db.url });
    let heard = 0;
    const off = listening.onAppended(() => (heard += 1));
    const listeners = async () =>
      (
        await sql.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jinlin-wakeups' AND query LIKE 'LISTEN%'`,
        )
      ).rows.map((r) => r.pid as number);
    const until = async (what: () => Promise<boolean>) => {
      for (let i = 0; i < 250 && !(await what()); i++) await new Promise((r) => setTimeout(r, 20));
      return what();
    };
    try {
      expect(await until(async () => (await listeners()).length === 1)).toBe(true);
      const [first] = await listeners();
      await sql.query('SELECT pg_terminate_backend($1)', [first]);
      expect(await until(async () => (await listeners()).some((pid) => pid !== first))).toBe(true);
      heard = 0;
      await other.appendToStream(`wake-${randomUUID()}`, [event('Elsewhere')], { expected: 'no_stream' });
      expect(await until(async () => heard > 0)).toBe(true);
    } finally {
      off();
      await other.close();
      await listening.close();
    }
  });

  it('when the guard stream is being appended to, a guarded append waits for that commit and then fails', async () => {
    const guarded = `guard-${randomUUID()}`;
    await store.appendToStream(guarded, [event('Policy')], { expected: 'no_stream' });
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `SELECT * FROM es_append($1, 1, '[{"type": "PolicyChanged", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`,
        [guarded],
      );
      let settled = false;
      const ticket = `ticket-${randomUUID()}`;
      const waiting = store.appendToStream(ticket, [event('Filed')], { expected: 'no_stream', guard: { streamId: guarded, version: 1 } });
      waiting.then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // held by the open append to the guard stream
      await writer.query('COMMIT');
      await expect(waiting).rejects.toBeInstanceOf(GuardStreamChanged);
      expect(await store.readStream(ticket)).toEqual([]);
    } finally {
      await writer.end();
    }
  });

  it('when A guarded by B and B guarded by A are appended at once, from two stores, exactly one lands each time (40 rounds)', async () => {
    const other = new PostgresEventStore({ connectionString: db.url });
    try {
      const outcomes: string[] = [];
      for (let round = 0; round < 40; round++) {
        const [a, b] = [`ticket-${randomUUID()}`, `ticket-${randomUUID()}`];
        await Promise.all([a, b].map((t) => store.appendToStream(t, [event('Filed')], { expected: 'no_stream' })));
        const community = { streamId: `community-${randomUUID()}`, version: 0 };
        // As a merge of A into B and one of B into A, each decided on both tickets at version 1.
        const [ab, ba] = await Promise.allSettled([
          store.appendToStream(a, [event('Merged')], { expected: 1, guard: [community, { streamId: b, version: 1 }] }),
          other.appendToStream(b, [event('Merged')], { expected: 1, guard: [community, { streamId: a, version: 1 }] }),
        ]);
        outcomes.push([ab, ba].map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).name)).join(' '));
        const stored = (await store.readStream(a)).length + (await store.readStream(b)).length;
        expect(stored).toBe(3);
      }
      expect(new Set(outcomes.map((o) => o.split(' ').sort().join(' ')))).toEqual(new Set(['GuardStreamChanged ok']));
    } finally {
      await other.close();
    }
  });

  it('when one of several guard streams is being appended to, the guarded append waits for that commit and then fails', async () => {
    const [policy, person] = [`community-${randomUUID()}`, `person-${randomUUID()}`];
    await store.appendToStream(policy, [event('Policy')], { expected: 'no_stream' });
    await store.appendToStream(person, [event('Registered')], { expected: 'no_stream' });
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `SELECT * FROM es_append($1, 1, '[{"type": "RoleRevoked", "schemaVersion": 1, "data": {}, "metadata": {}}]', NULL, NULL, NULL, NULL)`,
        [person],
      );
      let settled = false;
      const ticket = `ticket-${randomUUID()}`;
      const waiting = store.appendToStream(ticket, [event('Assigned')], {
        expected: 'no_stream',
        guard: [
          { streamId: policy, version: 1 },
          { streamId: person, version: 1 },
        ],
      });
      waiting.then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // held by the open append to the person's stream
      await writer.query('COMMIT');
      await expect(waiting).rejects.toMatchObject({ name: 'GuardStreamChanged', streamId: person, expected: 1, actual: 2 });
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
    // Rows written as if by old transactions 99 and 100: as text, '100' sorts before '99'. The later
    // transaction's row goes in first, so its position is the lower one.
    for (const [tx, stream] of [
      [100, 'old-b'],
      [99, 'old-a'],
    ] as const) {
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
      expect(await store.head()).toEqual({ position: second.events[0].globalPosition, checkpoint: second.checkpoint });
    } finally {
      await store.close();
      await db2.drop();
    }
  });
});

describe('PostgresEventStore — group commit (appends that arrive together leave in one statement)', () => {
  let store: PostgresEventStore;
  beforeAll(() => {
    // One batch in flight: whatever arrives while it is out leaves together in the next one.
    store = new PostgresEventStore({ connectionString: db.url, appendBatchesInFlight: 1 });
  });
  afterAll(() => store.close());
  const event = (type: string, extra: Record<string, unknown> = {}) => ({ type, data: { at: randomUUID(), ...extra } });
  const txOf = (checkpoint: Checkpoint) => decodePgCheckpoint(checkpoint).transactionId;

  it('when 50 appends to new streams arrive at once, all are stored, several per transaction, and every chain verifies', async () => {
    const streams = Array.from({ length: 50 }, () => `batch-${randomUUID()}`);
    const results = await Promise.all(streams.map((s) => store.appendToStream(s, [event('A'), event('B')], { expected: 'no_stream' })));
    expect(results.map((r) => r.nextVersion)).toEqual(streams.map(() => 2));
    expect(new Set(results.flatMap((r) => r.positions)).size).toBe(100);
    const transactions = new Set(results.map((r) => txOf(r.checkpoint)));
    expect(transactions.size).toBeLessThan(50); // batched: some appends shared a commit
    for (const s of streams) {
      const stored = await store.readStream(s);
      expect(stored.map((e) => [e.streamVersion, e.type])).toEqual([
        [1, 'A'],
        [2, 'B'],
      ]);
      expect(await store.verifyStream(s)).toMatchObject({ valid: true, events: 2 });
    }
  });

  it('when group commit is off (appendBatchMax 1), 20 appends at once are 20 statements and 20 commits', async () => {
    const alone = new PostgresEventStore({ connectionString: db.url, appendBatchMax: 1 });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => alone.appendToStream(`alone-${randomUUID()}`, [event('A')], { expected: 'no_stream' })),
      );
      expect(new Set(results.map((r) => txOf(r.checkpoint))).size).toBe(20);
      expect(alone.appendStats).toEqual({ batches: 0, batchedAppends: 0, fallbacks: 0 });
    } finally {
      await alone.close();
    }
  });

  it('when 20 appends race for version 0 of one stream in one batch, exactly one is stored and 19 get WrongExpectedVersion', async () => {
    const s = `race-${randomUUID()}`;
    const fallbacks = store.appendStats.fallbacks;
    const block = store.appendToStream(`other-${randomUUID()}`, [event('X')], { expected: 'no_stream' }); // holds the batch slot
    const racers = Array.from({ length: 20 }, (_, i) => store.appendToStream(s, [event('Raced', { i })], { expected: 'no_stream' }));
    const bystander = store.appendToStream(`bystander-${randomUUID()}`, [event('Y')], { expected: 'no_stream' });
    await block;
    const settled = await Promise.allSettled(racers);
    const won = settled.filter((r): r is PromiseFulfilledResult<Awaited<(typeof racers)[number]>> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const refused = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(WrongExpectedVersion);
    expect(await store.readStream(s)).toHaveLength(1);
    // Refused inside the batch, not by a retry one by one: the winner and an unrelated append share its commit.
    expect(txOf((await bystander).checkpoint)).toBe(txOf(won[0].value.checkpoint));
    expect(store.appendStats.fallbacks).toBe(fallbacks);
  });

  it('when 100 appends to one stream expect any version, all are stored in stream order, and the log reads them in that order', async () => {
    const s = `busy-${randomUUID()}`;
    await store.appendToStream(s, [event('Opened')], { expected: 'no_stream' });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.appendToStream(s, [event('Noted', { i })], { expected: 'any' })),
    );
    expect(results.map((r) => r.nextVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const fromLog: number[] = [];
    let after: Checkpoint | null = null;
    for (;;) {
      const page: ReadAllResult = await store.readAll({ after, limit: 500 });
      if (page.checkpoint === after) break;
      fromLog.push(...page.events.filter((e) => e.streamId === s).map((e) => e.streamVersion));
      after = page.checkpoint;
    }
    expect(fromLog).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    expect(await store.verifyStream(s)).toMatchObject({ valid: true, events: 101 });
  });

  it('when one item of a batch has a stale guard, only that item fails with GuardStreamChanged', async () => {
    const community = `community-${randomUUID()}`;
    await store.appendToStream(community, [event('Registered'), event('PolicyChanged')], { expected: 'no_stream' });
    const block = store.appendToStream(`other-${randomUUID()}`, [event('X')], { expected: 'no_stream' }); // holds the batch slot
    const [stale, fresh1, fresh2] = [1, 2, 2].map((version) =>
      store.appendToStream(`ticket-${randomUUID()}`, [event('Filed')], { expected: 'no_stream', guard: { streamId: community, version } }),
    );
    await block;
    await expect(stale).rejects.toBeInstanceOf(GuardStreamChanged);
    const [a, b] = await Promise.all([fresh1, fresh2]);
    expect(txOf(a.checkpoint)).toBe(txOf(b.checkpoint)); // the two good ones committed together
  });

  it('when an idempotency key is used twice in one batch, one append is stored and the twin gets IdempotencyKeyTaken', async () => {
    const key = randomUUID();
    const idem = { scope: 'test', key, requestHash: 'h', response: { ok: true } };
    const fallbacks = store.appendStats.fallbacks;
    const block = store.appendToStream(`other-${randomUUID()}`, [event('X')], { expected: 'no_stream' });
    const twins = [randomUUID(), randomUUID()].map((id) =>
      store.appendToStream(`twin-${id}`, [event('Once')], { expected: 'no_stream', idempotency: idem }),
    );
    const bystander = store.appendToStream(`bystander-${randomUUID()}`, [event('Y')], { expected: 'no_stream' });
    await block;
    const settled = await Promise.allSettled(twins);
    expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(IdempotencyKeyTaken);
    expect(await store.findIdempotency('test', key)).toMatchObject({ requestHash: 'h' });
    const stored = settled.find((r): r is PromiseFulfilledResult<Awaited<(typeof twins)[number]>> => r.status === 'fulfilled')!;
    expect(txOf((await bystander).checkpoint)).toBe(txOf(stored.value.checkpoint)); // refused in the batch, not by a retry
    expect(store.appendStats.fallbacks).toBe(fallbacks);
  });

  it('when PostgreSQL refuses one item, the statement is retried item by item: only that item fails', async () => {
    const fallbacks = store.appendStats.fallbacks;
    const block = store.appendToStream(`other-${randomUUID()}`, [event('X')], { expected: 'no_stream' });
    const good = `good-${randomUUID()}`;
    const bad = `bad-${randomUUID()}`;
    const answers = Promise.allSettled([
      store.appendToStream(good, [event('Fine')], { expected: 'no_stream' }),
      store.appendToStream(bad, [{ ...event('Odd'), schemaVersion: 99_999 }], { expected: 'no_stream' }), // out of smallint range
    ]);
    await block;
    const [fine, odd] = await answers;
    expect(fine.status).toBe('fulfilled');
    expect(odd.status).toBe('rejected');
    expect((odd as PromiseRejectedResult).reason).toMatchObject({ code: '22003' });
    expect(await store.readStream(good)).toHaveLength(1);
    expect(await store.readStream(bad)).toEqual([]);
    expect(store.appendStats.fallbacks).toBe(fallbacks + 1); // the batch as a whole was refused and retried
  });

  it('when a single append waits for its guard, it does not yet hold its own stream (locks taken in key order)', async () => {
    const sql = new Client({ connectionString: db.url });
    const holder = new Client({ connectionString: db.url });
    await Promise.all([sql.connect(), holder.connect()]);
    try {
      const community = `community-${randomUUID()}`;
      await store.appendToStream(community, [event('Registered')], { expected: 'no_stream' });
      const keyAfter = async (a: string, b: string) =>
        (await sql.query(`SELECT hashtextextended($1, 0) > hashtextextended($2, 0) AS after`, [a, b])).rows[0].after as boolean;
      let ticket = `ticket-${randomUUID()}`;
      while (!(await keyAfter(ticket, community))) ticket = `ticket-${randomUUID()}`;
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [community]); // as a community append in progress
      let settled = false;
      const waiting = store.appendToStream(ticket, [event('Filed')], { expected: 'no_stream', guard: { streamId: community, version: 1 } });
      waiting.then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(settled).toBe(false);
      // Locking the ticket first and then waiting for the community could deadlock with an append
      // that holds the community and needs the ticket; the ticket's lock must still be free.
      const probe = await sql.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`, [ticket]);
      expect(probe.rows[0].got).toBe(true);
      await sql.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [ticket]);
      await holder.query('COMMIT');
      await expect(waiting).resolves.toMatchObject({ nextVersion: 1 });
    } finally {
      await Promise.all([sql.end(), holder.end()]);
    }
  });

  it('when two processes batch appends that guard on a stream they also append to, none deadlocks and the only refusals are stale guards', async () => {
    const other = new PostgresEventStore({ connectionString: db.url, appendBatchesInFlight: 1 });
    try {
      const community = `community-${randomUUID()}`;
      await store.appendToStream(community, [event('Registered')], { expected: 'no_stream' });
      // A few shared tickets: a batch may hold one ticket's lock while it needs the community's,
      // and another the other way round, unless every append takes its locks in one order.
      const tickets = Array.from({ length: 4 }, () => `ticket-${randomUUID()}`);
      const fallbacks = store.appendStats.fallbacks + other.appendStats.fallbacks;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, async (_, i) => {
          const via = i % 2 ? store : other;
          if (i % 10 === 0) return via.appendToStream(community, [event('PolicyChanged')], { expected: 'any' });
          const version = (await via.readStream(community)).length;
          return via.appendToStream(tickets[i % tickets.length], [event('Noted')], {
            expected: 'any',
            guard: { streamId: community, version },
          });
        }),
      );
      const errors = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason);
      for (const error of errors) expect(error).toBeInstanceOf(GuardStreamChanged);
      expect((await store.readStream(community)).length).toBe(21); // every unguarded community append went through
      const stored = (await Promise.all(tickets.map((t) => store.readStream(t)))).flat();
      expect(stored.length).toBe(outcomes.length - errors.length - 20); // and every guarded one that was answered
      // A deadlock (40P01) fails a batch as a whole, which the store then retries item by item: none happened.
      expect(store.appendStats.fallbacks + other.appendStats.fallbacks).toBe(fallbacks);
      expect(store.appendStats.batches + other.appendStats.batches).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});

describe('PostgresEventStore — append locks, seen from PostgreSQL sessions', () => {
  let sessions: Client[] = [];
  const session = async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    sessions.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(sessions.map((c) => c.end()));
    sessions = [];
  });
  const item = (stream: string, extra: Record<string, unknown> = {}) => ({
    stream,
    expected: null,
    events: [{ type: 'T', schemaVersion: 1, data: { at: randomUUID() }, metadata: {} }],
    idemScope: null,
    idemKey: null,
    idemHash: null,
    idemResponse: null,
    guardStream: null,
    guardVersion: null,
    ...extra,
  });
  const batch = (c: Client, items: unknown[]) =>
    c.query<{ item: number; transaction_id: string | null; error_code: string | null }>(
      `SELECT item, transaction_id::text AS transaction_id, error_code FROM es_append_batch($1)`,
      [JSON.stringify(items)],
    );
  const single = (c: Client, stream: string) =>
    c.query<{ transaction_id: string }>(
      `SELECT transaction_id::text AS transaction_id FROM es_append($1, NULL, $2, NULL, NULL, NULL, NULL)`,
      [stream, JSON.stringify(item(stream).events)],
    );
  /** The lock types a session is waiting for, once it waits (within 5 s). */
  async function waitsFor(probe: Client, pid: number): Promise<string[]> {
    for (let i = 0; i < 250; i++) {
      const { rows } = await probe.query(`SELECT locktype FROM pg_locks WHERE pid = $1 AND NOT granted`, [pid]);
      if (rows.length) return rows.map((r) => r.locktype as string);
      await new Promise((r) => setTimeout(r, 20));
    }
    return [];
  }
  const pidOf = async (c: Client) => (await c.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid as number;

  it('when two batches share idempotency keys in opposite orders, the second waits on the key locks before writing, then refuses both twins by row', async () => {
    const [a, b, probe] = [await session(), await session(), await session()];
    const [k1, k2] = [randomUUID(), randomUUID()];
    const keyed = (stream: string, key: string) => item(stream, { idemScope: 'test', idemKey: key, idemHash: 'h', idemResponse: {} });
    const bStreams = [`b1-${randomUUID()}`, `b2-${randomUUID()}`];
    await a.query('BEGIN');
    const first = await batch(a, [keyed(`a1-${randomUUID()}`, k1), keyed(`a2-${randomUUID()}`, k2)]);
    expect(first.rows.map((r) => r.error_code)).toEqual([null, null]);
    const pid = await pidOf(b);
    const second = batch(b, [keyed(bStreams[0], k2), keyed(bStreams[1], k1)]);
    second.catch(() => undefined); // awaited below; this only keeps a failure before then from being "unhandled"
    // Waiting on an advisory lock means it wrote nothing yet; waiting on a transaction id would mean
    // it sits in the unique index halfway through, where crossed keys deadlock.
    expect(await waitsFor(probe, pid)).toEqual(['advisory']);
    await a.query('COMMIT');
    const { rows } = await second;
    expect(rows.map((r) => [r.item, r.error_code])).toEqual([
      [0, 'JL422'],
      [1, 'JL422'],
    ]);
    const written = await probe.query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = ANY($1)`, [bStreams]);
    expect(written.rows[0].n).toBe(0);
  });

  it.each(['es_append', 'es_append_batch'])(
    'when %s waits for a stream lock, it takes its transaction id only after (a later version has a later id)',
    async (fn) => {
      const [holder, appender, other, probe] = [await session(), await session(), await session(), await session()];
      const stream = `ordered-${randomUUID()}`;
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [stream]); // an append to the stream in progress
      const pid = await pidOf(appender);
      const appended = fn === 'es_append' ? single(appender, stream) : batch(appender, [item(stream), item(`bystander-${randomUUID()}`)]);
      appended.catch(() => undefined); // awaited below; this only keeps a failure before then from being "unhandled"
      expect(await waitsFor(probe, pid)).toEqual(['advisory']);
      await other.query('BEGIN');
      const otherTx = BigInt((await other.query(`SELECT pg_current_xact_id()::text AS tx`)).rows[0].tx);
      await other.query('COMMIT');
      await holder.query('COMMIT');
      const { rows } = await appended;
      expect(BigInt(rows[0].transaction_id!)).toBeGreaterThan(otherTx);
    },
  );

  it.each(['es_append', 'es_append_batch'])('%s locks its idempotency key, and only after its streams', async (fn) => {
    const [holder, appender, probe] = [await session(), await session(), await session()];
    const pid = await pidOf(appender);
    const append = (stream: string, key: string) => {
      const keyed = { idemScope: 'test', idemKey: key, idemHash: 'h', idemResponse: {} };
      const appended =
        fn === 'es_append'
          ? appender.query(`SELECT transaction_id::text AS transaction_id FROM es_append($1, NULL, $2, 'test', $3, 'h', '{}')`, [
              stream,
              JSON.stringify(item(stream).events),
              key,
            ])
          : batch(appender, [item(stream, keyed), item(`bystander-${randomUUID()}`)]);
      appended.catch(() => undefined); // awaited below; this only keeps a failure before then from being "unhandled"
      return appended;
    };
    // Someone holds the key: the append waits for it.
    const held = randomUUID();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(${IDEM_LOCK_CLASS}, es_idem_lock_key('test', $1))`, [held]);
    const first = append(`keyed-${randomUUID()}`, held);
    expect(await waitsFor(probe, pid)).toEqual(['advisory']);
    await holder.query('COMMIT');
    await first;
    // Someone holds the stream: the append waits for it without holding its key yet.
    const stream = `keyed-${randomUUID()}`;
    const key = randomUUID();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [stream]);
    const appended = append(stream, key);
    expect(await waitsFor(probe, pid)).toEqual(['advisory']);
    // Holding the key while waiting for the stream could deadlock with one that holds the stream and needs the key.
    const got = await probe.query(`SELECT pg_try_advisory_lock(${IDEM_LOCK_CLASS}, es_idem_lock_key('test', $1)) AS got`, [key]);
    expect(got.rows[0].got).toBe(true);
    await probe.query(`SELECT pg_advisory_unlock(${IDEM_LOCK_CLASS}, es_idem_lock_key('test', $1))`, [key]);
    await holder.query('COMMIT');
    await appended;
    expect(await probe.query(`SELECT 1 FROM es_idempotency WHERE scope = 'test' AND key = $1`, [key])).toMatchObject({ rowCount: 1 });
  });

  it('when a batch waits for a guard stream, it does not yet hold the lock of a stream it appends to with a later key', async () => {
    const [holder, appender, probe] = [await session(), await session(), await session()];
    const community = `community-${randomUUID()}`;
    await single(probe, community);
    const keyAfter = async (x: string, y: string) =>
      (await probe.query(`SELECT hashtextextended($1, 0) > hashtextextended($2, 0) AS after`, [x, y])).rows[0].after as boolean;
    let ticket = `ticket-${randomUUID()}`;
    while (!(await keyAfter(ticket, community))) ticket = `ticket-${randomUUID()}`;
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [community]);
    const pid = await pidOf(appender);
    const appended = batch(appender, [item(ticket, { guardStream: community, guardVersion: 1 }), item(`bystander-${randomUUID()}`)]);
    appended.catch(() => undefined); // awaited below; this only keeps a failure before then from being "unhandled"
    expect(await waitsFor(probe, pid)).toEqual(['advisory']);
    const got = await probe.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`, [ticket]);
    expect(got.rows[0].got).toBe(true);
    await probe.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [ticket]);
    await holder.query('COMMIT');
    expect((await appended).rows.map((r) => r.error_code)).toEqual([null, null]);
  });
});
