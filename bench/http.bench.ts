import 'reflect-metadata';
import { Client } from 'pg';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { benchDatabase, fmt, machine, postLoad, recordSection, throughput, type LoadRun } from './bench-support';
import { startCrudBaseline } from './crud-baseline/crud-process';
import { projectionLag } from './lag.bench';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const body = JSON.stringify({
  communityId: 'qianpu',
  category: 'elevator',
  title: '3号楼电梯停运',
  description: '早上八点开始电梯不动了，老人下不了楼',
  location: '3号楼',
  channel: 'app',
});

/** POST `path` under load (see postLoad): throughput and each response's own latency. */
const load = (url: string, path: string, token: string, seconds: number, connections = 16, overallRate?: number) =>
  postLoad({ url: `${url}${path}`, token, body, seconds, connections, overallRate });

async function rawInserts(url: string, clients: number, seconds: number): Promise<number> {
  const pool = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const rate = await throughput(clients, seconds, async (w, i) => {
    await pool[w].query(`INSERT INTO raw_events (stream_id, stream_version, type, data, metadata) VALUES ($1, $2, 'TicketFiled', $3, $4)`, [
      `raw-${w}-${i}`,
      1,
      body,
      '{"actor":{"id":"u","roles":["resident"]}}',
    ]);
    return 1;
  });
  await Promise.all(pool.map((c) => c.end()));
  return rate;
}

async function seed(url: string, admin: string): Promise<void> {
  const post = (path: string, payload: object) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify(payload),
    });
  await post('/companies', { id: 'jiayuan', name: '嘉园物业' });
  await post('/communities', {
    id: 'qianpu',
    name: '前埔一里西小区',
    subdistrict: '莲前街道',
    neighbourhood: '前埔一里社区',
    propertyCompanyId: 'jiayuan',
  });
}

/**
 * The brief's baseline: a plain NestJS + TypeORM CRUD service (bench/crud-baseline) writing the
 * ticket and an audit row in one transaction, on its own fresh database on the same server, loaded
 * with the same body, connections and seconds. Alternated with Jinlin (Jinlin, CRUD, Jinlin, CRUD)
 * so a machine that gets busier or quieter during the run weighs on both alike.
 */
async function crudBaseline(jinlinUrl: string, resident: string, firstJinlin: LoadRun): Promise<{ rows: string[][]; ratio: number }> {
  const db = await benchDatabase('crud');
  const crud = await startCrudBaseline(db.url, SECRET);
  try {
    await load(crud.url, '/tickets', resident, 3); // warm-up
    const pairs: [LoadRun, LoadRun][] = [];
    const first = await load(crud.url, '/tickets', resident, SECONDS);
    pairs.push([firstJinlin, first]);
    const jinlin = await load(jinlinUrl, '/tickets', resident, SECONDS);
    pairs.push([jinlin, await load(crud.url, '/tickets', resident, SECONDS)]);
    const sum = (runs: LoadRun[]) => runs.reduce((n, r) => n + r.rps, 0);
    const ratio = sum(pairs.map(([j]) => j)) / sum(pairs.map(([, c]) => c));
    const rows = pairs.flatMap(([j, c], i) => [
      ...(i === 0 ? [] : [[`POST /tickets again (round ${i + 1})`, fmt(j.rps), j.p50.toFixed(2), j.p99.toFixed(2), '']]),
      [
        `CRUD baseline POST /tickets, round ${i + 1}: NestJS + TypeORM, ticket + audit row in one transaction`,
        fmt(c.rps),
        c.p50.toFixed(2),
        c.p99.toFixed(2),
        `Jinlin ÷ CRUD ${(j.rps / c.rps).toFixed(2)}×${c.errors + c.non2xx ? `, ${c.errors + c.non2xx} errors/non-2xx` : ''}`,
      ],
    ]);
    rows.push(['Jinlin ÷ CRUD over both rounds (sum of req/s)', '', '', '', `${ratio.toFixed(2)}×`]);
    return { rows, ratio };
  } finally {
    await crud.stop();
    await db.drop();
  }
}

/** A second service on the same database that sends every append alone: what group commit is worth. */
async function eachAppendAlone(databaseUrl: string, resident: string): Promise<LoadRun> {
  const service = await ServiceProcess.start(databaseUrl, SECRET, {
    LOG_LEVEL: 'warn',
    TIMERS_RUN: 'false',
    PROJECTIONS_RUN: 'false',
    APPEND_BATCH_MAX: '1',
  });
  try {
    await load(service.url, '/tickets', resident, 2); // warm-up
    return await load(service.url, '/tickets', resident, Math.min(SECONDS, 10));
  } finally {
    await service.stop();
  }
}

export async function httpBench(): Promise<{
  maxRps: number;
  url: string;
  resident: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}> {
  const db = await benchDatabase('http');
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', BENCH_ENDPOINTS: 'true', TIMERS_RUN: 'false' });
  const admin = await signToken(SECRET, { sub: 'admin', roles: ['admin'], communities: [] });
  const resident = await signToken(SECRET, { sub: 'res', roles: ['resident'], communities: ['qianpu'] });
  await seed(service.url, admin);
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  await sql.query(`CREATE TABLE raw_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, stream_version int NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  await sql.end();

  await load(service.url, '/tickets', resident, 3); // warm-up
  const raw16 = await rawInserts(db.url, 16, Math.min(SECONDS, 10));
  const bare = await load(service.url, '/bench/tickets', resident, Math.min(SECONDS, 10));
  const real = await load(service.url, '/tickets', resident, SECONDS);
  const crud = await crudBaseline(service.url, resident, real);
  const lag = await projectionLag(service.url, resident, db.url, Math.max(10, Math.round(real.rps / 2)), Math.min(SECONDS, 15));
  const alone = await eachAppendAlone(db.url, resident);
  const rows = [
    ['raw single-row INSERT, 16 clients (durable-write ceiling)', fmt(raw16), '', '', ''],
    ['bare endpoint: same guard + validation, no store', fmt(bare.rps), bare.p50.toFixed(2), bare.p99.toFixed(2), ''],
    [
      `POST /tickets, autocannon 16 connections, ${SECONDS} s`,
      fmt(real.rps),
      real.p50.toFixed(2),
      real.p99.toFixed(2),
      `${(real.rps / raw16).toFixed(2)}× raw, ${(real.rps / bare.rps).toFixed(2)}× bare`,
    ],
    [
      `the same with each append alone (APPEND_BATCH_MAX=1, no group commit), ${Math.min(SECONDS, 10)} s`,
      fmt(alone.rps),
      alone.p50.toFixed(2),
      alone.p99.toFixed(2),
      `${(alone.rps / raw16).toFixed(2)}× raw; group commit ${(real.rps / alone.rps).toFixed(2)}× this`,
    ],
  ];
  rows.push(...crud.rows);
  rows.push([
    `projection lag at half that rate (${lag.describe()}), commit → tickets read model`,
    '',
    lag.p50.toFixed(1),
    lag.p99.toFixed(1),
    'target p99 < 250 ms',
  ]);
  const table = [
    '| measure | req/s | p50 ms | p99 ms | ratio |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const errors = real.errors + real.non2xx;
  process.stdout.write(
    `\n${table}\n\nerrors/non-2xx during the run: ${errors}\ntargets: ≥ 0.35× raw → ${(real.rps / raw16).toFixed(2)}×; p99 < 25 ms → ${real.p99.toFixed(2)} ms; Jinlin ÷ CRUD baseline → ${crud.ratio.toFixed(2)}×\n`,
  );
  recordSection(
    'http',
    `## HTTP writes (\`npm run bench:http\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; service as a child process (LOG_LEVEL=warn), load from the same machine.\n\n${table}\n\nErrors or non-2xx answers during the measured run: ${errors}. Targets: ≥ 0.35× raw INSERT at 16 clients; p99 < 25 ms; ahead of the CRUD baseline (bench/crud-baseline: NestJS + Fastify + TypeORM + class-validator + jose, the ticket and an audit row in one transaction, its own database on the same server; alternated with Jinlin). p50/p99 come from each response's own hrtime (autocannon's histogram rounds to whole ms).`,
  );
  return {
    maxRps: real.rps,
    url: service.url,
    resident,
    databaseUrl: db.url,
    stop: async () => {
      await service.stop();
      await db.drop();
    },
  };
}

if (require.main === module) {
  httpBench()
    .then((r) => r.stop())
    .catch((error) => {
      process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
      process.exit(1);
    });
}
