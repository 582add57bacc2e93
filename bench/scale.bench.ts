import 'reflect-metadata';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { migrate } from '../apps/api/src/infrastructure/migrate';
import { benchDatabase, fmt, machine, percentile, recordSection } from './bench-support';
import { generateLifecycles } from './generate-events';
import { batchInsertCeiling, rebuildReport, rebuildRuns } from './rebuild.bench';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
// The generated tickets are filed between June and October 2026: a month in the middle of that.
const RANGE = 'from=2026-07-01T00:00:00%2B08:00&to=2026-08-01T00:00:00%2B08:00';
const QUERIES = [
  `/dashboards/summary?${RANGE}`,
  `/dashboards/summary?${RANGE}&communityId=qianpu&groupBy=day`,
  `/dashboards/summary?${RANGE}&groupBy=category`,
];

async function caughtUp(url: string, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(`${url}/health/ready`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('projections did not catch up');
}

async function latencies(url: string, token: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${QUERIES[i % QUERIES.length]}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`summary answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const db = await benchDatabase('scale');
  // Read models stay current while events pour in: projections run in the service as in production.
  await migrate(db.url);
  const service = await ServiceProcess.start(db.url, SECRET, {
    LOG_LEVEL: 'warn',
    TIMERS_RUN: 'false',
    PROJECTION_BATCH_SIZE: '2000',
    PROJECTION_MAX_LAG_MS: '2000',
  });
  const admin = await signToken(SECRET, { sub: 'admin', roles: ['admin'], communities: [] });
  const rows: string[][] = [];
  let events = 0;
  try {
    for (const size of SIZES) {
      events = await generateLifecycles(db.url, size, (n) => process.stdout.write(`\rgenerating ${fmt(n)} events`), events);
      const started = Date.now();
      await caughtUp(service.url);
      process.stdout.write(`\n${fmt(events)} events; projections caught up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      await latencies(service.url, admin); // warm-up
      const { p50, p95 } = await latencies(service.url, admin);
      rows.push([fmt(events), p50.toFixed(2), p95.toFixed(2)]);
      process.stdout.write(`summary p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms\n`);
    }
  } finally {
    await service.stop();
  }
  const growth = Number(rows[rows.length - 1][2]) / Number(rows[0][2]);
  const table = [
    '| events in the store | summary p50 ms | summary p95 ms |',
    '| ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  process.stdout.write(
    `\n${table}\np95 growth ${rows[0][0]} → ${rows[rows.length - 1][0]}: ${growth.toFixed(2)}× (target ≤ 1.5×; p95 < 20 ms)\n`,
  );
  recordSection(
    'dashboard',
    `## Dashboard summary latency (\`npm run bench:dashboard\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}. Events made through es_append (7 per ticket, 3 communities, filed over 150 days); projections kept current by the running service; ${SAMPLES} sequential requests per size over HTTP, cycling through: a month for all communities; a month of one community by day; a month by category.\n\n${table}\n\np95 growth from ${rows[0][0]} to ${rows[rows.length - 1][0]} events: ${growth.toFixed(2)}× (target ≤ 1.5×, p95 < 20 ms).`,
  );

  const ceiling = await batchInsertCeiling(db.url);
  const { table: rebuildTable, summary } = rebuildReport(ceiling, await rebuildRuns(db.url), events);
  process.stdout.write(`\n${rebuildTable}\n${summary}\n`);
  recordSection(
    'rebuild',
    `## Projection rebuild (\`npm run bench:dashboard\`, after the 1M-event step)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}, ${fmt(events)} events; \`npm run projections:rebuild -- --all\` as a child process: each projection alone, then all of them from one pass over the log (each page read once, the next one while the projections write the last, each projection on its own connection); RSS sampled from /proc.\n\n${rebuildTable}\n\n${summary}`,
  );
  await db.drop();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
