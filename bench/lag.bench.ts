import { Client } from 'pg';
import { fmt, percentile } from './bench-support';

const body = JSON.stringify({
  communityId: 'qianpu',
  category: 'noise',
  title: '楼上装修噪音',
  description: '周末早上七点开始装修',
  channel: 'app',
});

/**
 * Files tickets at a steady rate and watches the tickets projection's checkpoint: the lag of a
 * ticket is from its 201 (the commit is before it) to the moment the checkpoint covers its event.
 */
export async function projectionLag(url: string, token: string, databaseUrl: string, rate: number, seconds: number) {
  const pending = new Map<number, number>();
  const lags: number[] = [];
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  let running = true;
  const watcher = (async () => {
    while (running || pending.size) {
      if (pending.size) {
        const { rows } = await sql.query(
          `SELECT e.global_position FROM es_events e, projection_checkpoints c
            WHERE c.name = 'tickets' AND c.checkpoint IS NOT NULL AND e.global_position = ANY($1::bigint[])
              AND (e.transaction_id, e.global_position) <= (split_part(c.checkpoint, ':', 1)::xid8, split_part(c.checkpoint, ':', 2)::bigint)`,
          [[...pending.keys()]],
        );
        const now = performance.now();
        for (const r of rows) {
          const p = Number(r.global_position);
          lags.push(now - pending.get(p)!);
          pending.delete(p);
        }
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const workers = 8;
  const interval = (1000 * workers) / rate;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      let next = performance.now() + (interval * w) / workers;
      while (Date.now() < until) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        next += interval;
        const res = await fetch(`${url}/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        if (res.status === 201) pending.set(((await res.json()) as { position: number }).position, performance.now());
      }
    }),
  );
  running = false;
  await watcher;
  await sql.end();
  lags.sort((a, b) => a - b);
  return {
    rate,
    filed: lags.length,
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    describe: () => `${fmt(lags.length)} tickets at ${fmt(rate)}/s`,
  };
}
