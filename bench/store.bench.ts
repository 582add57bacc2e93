import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, type Checkpoint, type ReadAllResult } from '@jinlin/event-store';
import { benchDatabase, fmt, machine, recordSection, throughput } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const data = { ticketId: 't-1', title: '3号楼电梯停运', description: '早上八点开始电梯不动了，老人下不了楼', category: 'elevator' };
const metadata = { actor: { id: 'u-1', roles: ['resident'] }, correlationId: '00000000-0000-0000-0000-000000000000' };

async function rawInserts(url: string, clients: number): Promise<number> {
  const pool = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const rate = await throughput(clients, SECONDS, async (w, i) => {
    await pool[w].query(`INSERT INTO raw_events (stream_id, stream_version, type, data, metadata) VALUES ($1, $2, $3, $4, $5)`, [
      `raw-${clients}-${w}-${i % 100}`,
      i,
      'TicketFiled',
      JSON.stringify(data),
      JSON.stringify(metadata),
    ]);
    return 1;
  });
  await Promise.all(pool.map((c) => c.end()));
  return rate;
}

async function appends(store: PostgresEventStore, writers: number, label = 'bench'): Promise<number> {
  const versions = new Map<string, number>();
  return throughput(writers, SECONDS, async (w, i) => {
    const stream = `${label}-${writers}-${w}-${i % 100}`;
    const expected = versions.get(stream) ?? 0;
    const r = await store.appendToStream(stream, [{ type: 'TicketCommented', data, metadata }], { expected });
    versions.set(stream, r.nextVersion);
    return 1;
  });
}

async function readAllRate(store: PostgresEventStore): Promise<{ rate: number; events: number }> {
  const started = process.hrtime.bigint();
  let after: Checkpoint | null = null;
  let events = 0;
  for (;;) {
    const page: ReadAllResult = await store.readAll({ after, limit: 1000 });
    if (!page.events.length) break;
    events += page.events.length;
    after = page.checkpoint;
  }
  return { rate: events / (Number(process.hrtime.bigint() - started) / 1e9), events };
}

async function main(): Promise<void> {
  const db = await benchDatabase('store');
  try {
    const ds = new DataSource({ type: 'postgres', url: db.url, migrations: [...EVENT_STORE_MIGRATIONS] });
    await ds.initialize();
    await ds.runMigrations();
    // The ceiling: the same columns, no lock, no version check, no hash.
    await ds.query(`CREATE TABLE raw_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL,
      stream_version int NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
    await ds.destroy();
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
    // The same store with as many appends in flight as writers: each goes alone (no group commit).
    const alone = new PostgresEventStore({ connectionString: db.url, poolSize: 8, appendBatchMax: 1 });

    const raw1 = await rawInserts(db.url, 1);
    const raw8 = await rawInserts(db.url, 8);
    const app1 = await appends(store, 1);
    const app8 = await appends(store, 8);
    const alone8 = await appends(alone, 8, 'alone');
    const read = await readAllRate(store);
    await Promise.all([store.close(), alone.close()]);

    const rows = [
      ['raw single-row INSERT, 1 client', fmt(raw1), ''],
      ['raw single-row INSERT, 8 clients', fmt(raw8), ''],
      ['appendToStream, 1 writer (1 event, expected version)', fmt(app1), `${(app1 / raw1).toFixed(2)}× raw (1)`],
      ['appendToStream, 8 writers (1 event, expected version), group commit', fmt(app8), `${(app8 / raw8).toFixed(2)}× raw (8)`],
      ['appendToStream, 8 writers, each append alone (appendBatchMax 1)', fmt(alone8), `${(alone8 / raw8).toFixed(2)}× raw (8)`],
      [`readAll, pages of 1000 (${fmt(read.events)} events)`, fmt(read.rate), ''],
    ];
    const table = ['| measure | events/s | ratio |', '| --- | ---: | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    process.stdout.write(`\n${table}\n\ntarget: append ≥ 0.6× raw INSERT at 8 writers → ${(app8 / raw8).toFixed(2)}×\n`);
    recordSection(
      'store',
      `## Event store (\`npm run bench:store\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}, ${SECONDS} s per measure, one run on one database.\n\n${table}\n\nTarget: append ≥ 0.6× raw INSERT at 8 writers.`,
    );
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
