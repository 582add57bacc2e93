import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, type StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { PROJECTION_ENGINE_MIGRATIONS } from '../index';
import type { Projection } from './projection';
import { ProjectionEngine } from './projection-engine';
import { rebuildProjection, rebuildProjections } from './rebuild';
import { applyPage } from './batch';
import { ensureCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints';

/** Deliberately not idempotent: a double application shows up as a wrong count. */
class CountingProjection implements Projection {
  readonly handles = ['Counted'];
  readonly tables = ['test_counts'];
  concurrent = 0;
  maxConcurrent = 0;
  batches = 0;
  beforeCommit: (tx: EntityManager) => Promise<void> = async () => undefined;
  constructor(readonly name = 'counting') {}
  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    this.concurrent += 1;
    this.batches += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      for (const e of events) {
        await tx.query(
          `INSERT INTO test_counts (projection, stream_id, n) VALUES ($1, $2, 1)
           ON CONFLICT (projection, stream_id) DO UPDATE SET n = test_counts.n + 1`,
          [this.name, e.streamId],
        );
      }
      await this.beforeCommit(tx);
    } finally {
      this.concurrent -= 1;
    }
  }
}

/** Counts the other event type, so projections rebuilt together each take their own share of a page. */
class IgnoredCounter extends CountingProjection {
  override readonly handles = ['Ignored'];
}

let db: TestDatabase;
let ds: DataSource;
let store: PostgresEventStore;
const engines: ProjectionEngine[] = [];
const options = { batchSize: 50, pollMs: 50, lockRetryMs: 50 };

beforeAll(async () => {
  db = await createTestDatabase('projections');
  ds = new DataSource({ type: 'postgres', url: db.url, migrations: [...EVENT_STORE_MIGRATIONS, ...PROJECTION_ENGINE_MIGRATIONS] });
  await ds.initialize();
  await ds.runMigrations();
  await ds.query(`CREATE TABLE test_counts (projection text, stream_id text, n int NOT NULL, PRIMARY KEY (projection, stream_id))`);
  store = new PostgresEventStore({ connectionString: db.url });
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});
afterAll(async () => {
  await store.close();
  await ds.destroy();
  await db.drop();
});

const engine = (p: Projection) => {
  const e = new ProjectionEngine([p], store, ds, options);
  engines.push(e);
  e.start();
  return e;
};

async function appendCounted(streams: number, perStream: number): Promise<number> {
  let last = 0;
  for (let s = 0; s < streams; s++) {
    const id = `counted-${randomUUID()}`;
    const r = await store.appendToStream(
      id,
      Array.from({ length: perStream }, () => ({ type: 'Counted', data: {} })),
      {
        expected: 'no_stream',
      },
    );
    await store.appendToStream(id, [{ type: 'Ignored', data: {} }], { expected: perStream });
    last = r.lastPosition;
  }
  return last;
}

const total = async (projection: string) =>
  Number((await ds.query(`SELECT coalesce(sum(n), 0) AS n FROM test_counts WHERE projection = $1`, [projection]))[0].n);
const snapshot = async (projection: string) =>
  ds.query(`SELECT stream_id, n FROM test_counts WHERE projection = $1 ORDER BY stream_id`, [projection]);
/** The truth, straight from the log. */
const countedInLog = async () => Number((await ds.query(`SELECT count(*) AS n FROM es_events WHERE type = 'Counted'`))[0].n);
const perStreamInLog = async () =>
  ds.query(`SELECT stream_id, count(*)::int AS n FROM es_events WHERE type = 'Counted' GROUP BY stream_id ORDER BY stream_id`);

async function caughtUp(e: ProjectionEngine) {
  const head = (await store.head()).position;
  expect(await e.waitFor(head, 10_000)).toBe(true);
}

it('when events are appended, the projection applies each once and its lag drops to zero', async () => {
  const e = engine(new CountingProjection());
  const last = await appendCounted(10, 3);
  expect(await e.waitFor(last, 10_000)).toBe(true);
  await caughtUp(e);
  expect(await total('counting')).toBe(await countedInLog());
  const [status] = await e.status();
  expect(status).toMatchObject({ name: 'counting', lagEvents: 0, lagMs: 0, running: true });
  expect(status.position).toBe((await store.head()).position);
});

it('given a gather time, when events arrive one at a time, they are applied in a few larger batches, each once', async () => {
  const projection = new CountingProjection('gathering');
  const e = new ProjectionEngine([projection], store, ds, { ...options, gatherMs: 200 });
  engines.push(e);
  e.start();
  const last = await appendCounted(40, 1);
  expect(await e.waitFor(last, 10_000)).toBe(true);
  expect(await total('gathering')).toBe(await countedInLog());
  // Without gathering, a follower woken by each append applies about one event per batch.
  expect(projection.batches).toBeLessThan(10);
});

it('given a gather time, when a backlog of mostly other types waits, full windows follow each other without a pause', async () => {
  for (let i = 0; i < 20; i++) {
    await store.appendToStream(
      `noise-${randomUUID()}`,
      Array.from({ length: 100 }, () => ({ type: 'Ignored', data: {} })),
      { expected: 'no_stream' },
    );
  }
  const last = await appendCounted(1, 1);
  const projection = new CountingProjection('backlog');
  // 2,000+ events in windows of 50 hold almost no Counted events: pausing 2 s after each would take minutes.
  const e = new ProjectionEngine([projection], store, ds, { ...options, gatherMs: 2_000 });
  engines.push(e);
  e.start();
  expect(await e.waitFor(last, 15_000)).toBe(true);
  expect(await total('backlog')).toBe(await countedInLog());
});

it('when the process dies between the handler and the checkpoint, nothing is applied twice', async () => {
  const projection = new CountingProjection('crashing');
  let crashes = 0;
  projection.beforeCommit = async (tx) => {
    if (crashes < 3) {
      crashes += 1;
      // The database sees the connection vanish mid-transaction, as when the service is killed.
      const [{ pid }] = await tx.query(`SELECT pg_backend_pid() AS pid`);
      await ds.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await tx.query('SELECT 1');
    }
  };
  await appendCounted(5, 4);
  const e = engine(projection);
  await caughtUp(e);
  expect(crashes).toBe(3);
  expect(await snapshot('crashing')).toEqual(await perStreamInLog());
});

it('when someone else moved the checkpoint, a page is refused (fenced) whether or not it holds events for the projection', async () => {
  const projection = new CountingProjection('fencing');
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await ensureCheckpoint(ds.manager, 'fencing');
    await saveCheckpoint(ds.manager, 'fencing', { checkpoint: null, position: 0 });
    await appendCounted(1, 1);
    const head = await store.head();
    const [event] = (await store.readAll({ after: null, limit: 1 })).events;
    const page = (events: StoredEvent[]) => ({ events, checkpoint: head.checkpoint, position: head.position, scanned: 1 });
    const theirs = { checkpoint: (await store.readAll({ after: null, limit: 1 })).checkpoint, position: 1 };
    await saveCheckpoint(ds.manager, 'fencing', theirs); // a reset or another holder, since we read from the start
    const start = { checkpoint: null, position: 0 };
    for (const events of [[], [{ ...event, type: 'Counted' }]]) {
      await expect(applyPage(qr, projection, start, page(events), 50)).resolves.toEqual({ kind: 'fenced', at: theirs });
      expect(await readCheckpoint(ds.manager, 'fencing')).toEqual(theirs);
    }
    expect(projection.batches).toBe(0);
    // A process manager's effects are appends, made before the checkpoint moves (they are idempotent);
    // a fenced page still leaves the checkpoint where its mover put it.
    const manager = Object.assign(new CountingProjection('fencing'), { transactional: false });
    await expect(applyPage(qr, manager, start, page([{ ...event, type: 'Counted' }]), 50)).resolves.toEqual({ kind: 'fenced', at: theirs });
    expect(await readCheckpoint(ds.manager, 'fencing')).toEqual(theirs);
    // From where they left it, the page goes through and moves the checkpoint.
    await expect(applyPage(qr, projection, theirs, page([]), 50)).resolves.toMatchObject({
      kind: 'applied',
      at: { checkpoint: head.checkpoint },
    });
    expect((await readCheckpoint(ds.manager, 'fencing')).checkpoint).toBe(head.checkpoint);
  } finally {
    await qr.release();
  }
});

it('when two engines share a projection, only one runs it; when that one stops, the other takes over', async () => {
  const shared = new CountingProjection('shared');
  const first = engine(shared);
  await new Promise((r) => setTimeout(r, 200));
  const second = engine(shared);
  await appendCounted(20, 2);
  await caughtUp(first);
  const running = [(await first.status())[0].running, (await second.status())[0].running];
  expect(running.filter(Boolean)).toHaveLength(1);
  expect(shared.maxConcurrent).toBe(1);

  const holder = running[0] ? first : second;
  const standby = running[0] ? second : first;
  await holder.stop();
  await appendCounted(5, 2);
  await caughtUp(standby);
  expect((await standby.status())[0].running).toBe(true);
  expect(shared.maxConcurrent).toBe(1);
  expect(await snapshot('shared')).toEqual(await perStreamInLog());
});

it('when a projection is rebuilt, its tables equal those built live', async () => {
  const live = engine(new CountingProjection('live'));
  await appendCounted(15, 3);
  await caughtUp(live);
  await live.stop();
  const built = await snapshot('live');
  expect(built).toEqual(await perStreamInLog());
  const progress: number[] = [];
  const result = await rebuildProjection(new CountingProjection('live'), store, ds, {
    batchSize: 20,
    onProgress: (p) => progress.push(p.position),
  });
  expect(await snapshot('live')).toEqual(built);
  expect(result.position).toBe((await store.head()).position);
  expect(progress.length).toBeGreaterThan(2);
});

it('when a rebuild resets a projection that another instance runs, that instance replays it from the start', async () => {
  const running = engine(new CountingProjection('busy'));
  await appendCounted(6, 2);
  await caughtUp(running);
  const built = await snapshot('busy');
  await rebuildProjection(new CountingProjection('busy'), store, ds, { batchSize: 20, pollMs: 20 });
  await caughtUp(running);
  expect(await snapshot('busy')).toEqual(built);
});

it('when several projections are rebuilt together from one pass, each equals its live build, and one run elsewhere is followed', async () => {
  const live = [engine(new CountingProjection('together-a')), engine(new IgnoredCounter('together-b'))];
  const running = engine(new CountingProjection('together-c'));
  await appendCounted(12, 2);
  for (const e of [...live, running]) await caughtUp(e);
  for (const e of live) await e.stop();
  const built = { a: await snapshot('together-a'), b: await snapshot('together-b'), c: await snapshot('together-c') };
  expect(built.b.length).toBeGreaterThan(0);

  const results = await rebuildProjections(
    [new CountingProjection('together-a'), new IgnoredCounter('together-b'), new CountingProjection('together-c')],
    store,
    ds,
    { batchSize: 7, pollMs: 20 },
  );
  await caughtUp(running);
  expect({ a: await snapshot('together-a'), b: await snapshot('together-b'), c: await snapshot('together-c') }).toEqual(built);
  const head = (await store.head()).position;
  expect(results.map((r) => [r.projection, r.position])).toEqual([
    ['together-a', head],
    ['together-b', head],
    ['together-c', head],
  ]);
});
