import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@jinlin/database';
import { migrate } from '../apps/api/src/infrastructure/migrate';
import { benchDatabase, fmt, machine, recordSection } from './bench-support';
import { createProjections } from '../apps/api/src/read-models';
import { generateLifecycles } from './generate-events';

const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const CLI = join(repoRoot(), 'dist', 'apps', 'api', 'src', 'cli', 'rebuild-projections.js');

/** The ceiling: 100-row INSERTs of ticket-shaped rows into a plain table of the same database. */
export async function batchInsertCeiling(url: string, seconds = 5): Promise<number> {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  await sql.query(
    `CREATE TABLE ceiling (id text PRIMARY KEY, community_id text, status text, title text, filed_at timestamptz, data jsonb)`,
  );
  const until = Date.now() + seconds * 1000;
  let rows = 0;
  const started = Date.now();
  for (let batch = 0; Date.now() < until; batch++) {
    const values = Array.from({ length: 100 }, (_, i) => `('b${batch}-${i}', 'qianpu', 'open', '楼道灯坏了', now(), '{"k":1}')`).join(',');
    await sql.query(`INSERT INTO ceiling VALUES ${values}`);
    rows += 100;
  }
  const rate = rows / ((Date.now() - started) / 1000);
  await sql.end();
  return rate;
}

type CliRun = { lines: string[]; peakRssMb: number; ms: number };

/** Runs the real CLI and samples its resident memory from /proc while it works. */
function rebuildCli(url: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url, JWT_SECRET: 'x'.repeat(40) } });
    let out = '';
    let peak = 0;
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        /* exited */
      }
    }, 100);
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`rebuild failed (${code}):\n${out}`));
      else resolve({ lines: out.split('\n').filter((l) => /rebuilt/.test(l)), peakRssMb: peak / 1024, ms: Date.now() - started });
    });
  });
}

export type RebuildRuns = Readonly<{ alone: readonly CliRun[]; together: CliRun }>;

/** Each projection rebuilt alone (its own rate), then all of them from one pass (the command users run). */
export async function rebuildRuns(url: string): Promise<RebuildRuns> {
  const alone: CliRun[] = [];
  for (const projection of createProjections()) alone.push(await rebuildCli(url, [projection.name]));
  return { alone, together: await rebuildCli(url, ['--all']) };
}

/** The table both rebuild benchmarks print. */
export function rebuildReport(ceiling: number, runs: RebuildRuns, events: number): { table: string; summary: string } {
  const rows = runs.alone
    .flatMap((run) => run.lines)
    .map((line) => {
      const m = /^(\S+): rebuilt (\d+) events in (\d+) ms \((\d+) ev\/s\)/.exec(line.trim());
      return m ? [m[1], fmt(Number(m[4])), `${(Number(m[4]) / ceiling).toFixed(2)}× ceiling`] : [line, '', ''];
    });
  const overall = events / (runs.together.ms / 1000);
  const table = [
    '| measure | rows or events/s | ratio |',
    '| --- | ---: | --- |',
    `| 100-row INSERT ceiling (plain table) | ${fmt(ceiling)} |  |`,
    ...rows.map((r) => `| rebuild ${r[0]} alone | ${r[1]} | ${r[2]} |`),
    `| **\`projections:rebuild -- --all\`: all ${rows.length} from one pass, log events per second of wall time** | ${fmt(overall)} | ${(overall / ceiling).toFixed(2)}× ceiling; wall ${(runs.together.ms / 1000).toFixed(1)} s, process start included |`,
  ].join('\n');
  const peak = Math.max(runs.together.peakRssMb, ...runs.alone.map((r) => r.peakRssMb));
  const summary = `Peak RSS of the rebuild process: ${runs.together.peakRssMb.toFixed(0)} MB for all at once, ${peak.toFixed(0)} MB the most of any run (target < 300 MB); target ≥ 50k events/s. A projection that handles few types (reference-data, handovers) scans the log without reading bodies, hence its high rate alone.`;
  return { table, summary };
}

async function main(): Promise<void> {
  const db = await benchDatabase('rebuild');
  try {
    await migrate(db.url);
    const generatedAt = Date.now();
    const events = await generateLifecycles(db.url, EVENTS, (n) => process.stdout.write(`\rgenerating ${fmt(n)} events`));
    process.stdout.write(`\ngenerated ${fmt(events)} events in ${((Date.now() - generatedAt) / 1000).toFixed(1)} s\n`);
    const ceiling = await batchInsertCeiling(db.url);
    const { table, summary } = rebuildReport(ceiling, await rebuildRuns(db.url), events);
    process.stdout.write(`\n${table}\n\n${summary}\n`);
    recordSection(
      'rebuild',
      `## Projection rebuild (\`npm run bench:rebuild\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}, ${fmt(events)} events (7 per ticket) made through es_append.\n\n${table}\n\n${summary}`,
    );
  } finally {
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}
