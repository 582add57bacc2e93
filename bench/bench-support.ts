import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@jinlin/database';
import autocannon, { type Request } from 'autocannon';

export type BenchDatabase = Readonly<{ url: string; server: string; drop: () => Promise<void> }>;

/** A fresh database on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset. */
export async function benchDatabase(label: string): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: 'data/bench-pg', port: 54339, database: 'jinlin_bench' });
    serverUrl = embedded.url;
  }
  const name = `jl_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    server: `PostgreSQL ${version}${embedded ? ' (embedded)' : ` at ${u.host}`}`,
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await embedded?.stop();
    },
  };
}

/** Runs `workers` loops of `op` for `seconds`; returns operations per second. */
export async function throughput(workers: number, seconds: number, op: (worker: number, i: number) => Promise<number>): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; Date.now() < until; i++) {
        const n = await op(w, i); // not `done += await op()`: that reads done before the await
        done += n;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return done / elapsed;
}

export const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Replaces (or appends) one section of docs/benchmarks.md, between its markers. */
export function recordSection(section: string, markdown: string): void {
  const file = 'docs/benchmarks.md';
  const begin = `<!-- ${section}:begin -->`;
  const end = `<!-- ${section}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures written by `npm run bench*`; each section is replaced by its latest run.\n';
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  doc = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}

/** Nearest rank on a sorted array, as SPEC §6 defines percentiles. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type LoadRun = Readonly<{ rps: number; p50: number; p99: number; errors: number; non2xx: number; ok: number }>;

export type LoadOptions = Readonly<{
  url: string;
  token: string;
  body: string;
  seconds: number;
  connections: number;
  overallRate?: number;
  /** Each request's own body, when requests must differ (e.g. each attaching its own uploads). */
  setupRequest?: (request: Request) => Request;
}>;

/** autocannon POSTing JSON with a Bearer token; each client's own hrtime per response for the percentiles. */
export async function postLoad(o: LoadOptions): Promise<LoadRun> {
  const times: number[] = [];
  const result = await autocannon({
    url: o.url,
    method: 'POST',
    connections: o.connections,
    duration: o.seconds,
    overallRate: o.overallRate,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
    body: o.body,
    requests: o.setupRequest ? [{ setupRequest: o.setupRequest }] : undefined,
    setupClient: (client) => client.on('response', (_status: number, _bytes: number, ms: number) => times.push(ms)),
  });
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    ok: result['2xx'],
  };
}
