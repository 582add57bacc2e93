import { KIND, zeroCounters, type Counters } from './contribution';
import { BLOCK_LEVELS, blockRuns, dayBlocks } from './day-blocks';
import { dayKey, dayNumber, dayStart } from './shanghai-day';
import { COUNTER_SQL, Params, filterSql, keyOf, keySql, perEdge, type GroupBy, type SummaryFilters } from './summary-sql';
import type { WindowPlan } from './summary-plan';
import type { Queryable } from './scope';

/** A bucket's count, and bounds that every value in it lies within (null: unknown). */
export type BucketCount = { n: number; lo: number | null; hi: number | null };
export type Histogram = Map<number, BucketCount>;
export type Histograms = { firstResponse: Histogram; resolution: Histogram; overdueBeforeToday: number };
export type SummaryRead = Readonly<{ q: Queryable; plan: WindowPlan; filters: SummaryFilters; groupBy?: GroupBy }>;

const iso = (ms: number) => new Date(ms).toISOString();

function daysSql(alias: string, r: SummaryRead, p: Params): string {
  const days = r.plan.days!;
  return `${alias}.day >= ${p.add(dayKey(days.from))}::date AND ${alias}.day < ${p.add(dayKey(days.to))}::date${filterSql(alias, r.filters, p)}`;
}

/** Counter sums per group: whole days from the daily table, edges ticket by ticket. */
export async function readCounters(r: SummaryRead): Promise<Map<string, Counters>> {
  const p = new Params();
  const columns = Object.entries(COUNTER_SQL);
  const parts: string[] = [];
  if (r.plan.days) {
    const select = columns.map(([, c]) => `d.${c} AS ${c}`).join(', ');
    parts.push(`SELECT ${keySql('d', r.groupBy)} AS key, ${select} FROM rm_ticket_metrics_daily d WHERE ${daysSql('d', r, p)}`);
  }
  const signed = (sign: number) => columns.map(([, c]) => `${sign} * m.${c} AS ${c}`).join(', ');
  parts.push(
    ...perEdge(
      p,
      r.plan.edges,
      (sign) => `SELECT ${keySql('m', r.groupBy, true)} AS key, ${signed(sign)} FROM rm_ticket_metrics m`,
      () => filterSql('m', r.filters, p),
    ),
  );
  const sums = columns.map(([name, c]) => `sum(${c})::int AS "${name}"`).join(', ');
  const rows: Record<string, any>[] = await r.q.query(`SELECT key, ${sums} FROM (${parts.join(' UNION ALL ')}) x GROUP BY key`, p.values);
  return new Map(
    rows.map((row) => [keyOf(r.groupBy, row.key), Object.assign(zeroCounters(), ...columns.map(([name]) => ({ [name]: row[name] })))]),
  );
}

/**
 * Duration buckets per group, and the backlog whose deadline day is already past (the histogram
 * keeps the backlog by its deadline's day). Whole days come from the fewest day blocks; a day
 * grouping needs single days.
 */
export async function readHistograms(r: SummaryRead, now: number): Promise<Map<string, Histograms>> {
  const p = new Params();
  const parts: string[] = [];
  const blocks = r.plan.days ? dayBlocks(r.plan.days.from, r.plan.days.to, r.groupBy === 'day' ? 0 : BLOCK_LEVELS - 1) : [];
  for (const run of blockRuns(blocks)) {
    const range = `h.level = ${run.level} AND h.day >= ${p.add(dayKey(run.first))}::date AND h.day <= ${p.add(dayKey(run.last))}::date`;
    parts.push(`SELECT ${keySql('h', r.groupBy)} AS key, h.kind, CASE WHEN h.kind = ${KIND.backlogDue} THEN 0 ELSE h.bucket END AS bucket, h.n, h.lo_ms, h.hi_ms
      FROM rm_ticket_metrics_hist h WHERE ${range} AND (h.kind <> ${KIND.backlogDue} OR h.bucket < ${p.add(dayNumber(now))}::int)${filterSql('h', r.filters, p)}`);
  }
  const due = () => `CASE WHEN m.backlog = 1 AND m.resolve_by < ${p.add(iso(dayStart(dayNumber(now))))}::timestamptz THEN 0 END`;
  // Subtracted tickets leave the bounds as they are: the bounds only need to hold every value left.
  const value = (sign: number, ms: string) => (sign > 0 ? `m.${ms}` : 'NULL::bigint');
  const select = (
    sign: number,
  ) => `SELECT ${keySql('m', r.groupBy, true)} AS key, v.kind, v.bucket, ${sign} AS n, v.ms AS lo_ms, v.ms AS hi_ms
    FROM rm_ticket_metrics m CROSS JOIN LATERAL (VALUES (${KIND.firstResponse}, m.fr_bucket::int, ${value(sign, 'first_response_ms')}),
      (${KIND.resolution}, m.res_bucket::int, ${value(sign, 'resolution_ms')}), (${KIND.backlogDue}, ${due()}, NULL::bigint)) AS v(kind, bucket, ms)`;
  parts.push(...perEdge(p, r.plan.edges, select, () => ` AND v.bucket IS NOT NULL${filterSql('m', r.filters, p)}`));
  const rows: { key: string | number; kind: number; bucket: number; n: number; lo: string | null; hi: string | null }[] = await r.q.query(
    `SELECT key, kind::int AS kind, bucket, sum(n)::int AS n,
            CASE WHEN bool_and(lo_ms IS NOT NULL OR n < 0) THEN min(lo_ms) END AS lo,
            CASE WHEN bool_and(hi_ms IS NOT NULL OR n < 0) THEN max(hi_ms) END AS hi
       FROM (${parts.join(' UNION ALL ')}) x GROUP BY key, kind, bucket HAVING sum(n) <> 0`,
    p.values,
  );
  const count = (row: (typeof rows)[number]): BucketCount => ({
    n: row.n,
    lo: row.lo === null ? null : Number(row.lo),
    hi: row.hi === null ? null : Number(row.hi),
  });
  const byKey = new Map<string, Histograms>();
  for (const row of rows) {
    const key = keyOf(r.groupBy, row.key);
    const h = byKey.get(key) ?? { firstResponse: new Map(), resolution: new Map(), overdueBeforeToday: 0 };
    if (row.kind === KIND.firstResponse) h.firstResponse.set(row.bucket, count(row));
    else if (row.kind === KIND.resolution) h.resolution.set(row.bucket, count(row));
    else h.overdueBeforeToday += row.n;
    byKey.set(key, h);
  }
  return byKey;
}

/** The backlog whose deadline falls today and has passed by now, ticket by ticket. */
export async function readOverdueToday(r: SummaryRead, window: { from: number; to: number }, now: number): Promise<Map<string, number>> {
  const p = new Params();
  const rows: { key: string | number; n: number }[] = await r.q.query(
    `SELECT ${keySql('m', r.groupBy, true)} AS key, count(*)::int AS n FROM rm_ticket_metrics m
      WHERE m.backlog = 1 AND m.resolve_by >= ${p.add(iso(dayStart(dayNumber(now))))}::timestamptz AND m.resolve_by < ${p.add(iso(now))}::timestamptz
        AND m.filed_at >= ${p.add(iso(window.from))}::timestamptz AND m.filed_at < ${p.add(iso(window.to))}::timestamptz${filterSql('m', r.filters, p)}
      GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((row) => [keyOf(r.groupBy, row.key), row.n]));
}

export async function readPosition(q: Queryable, projection: string): Promise<number> {
  const rows: { position: string }[] = await q.query(`SELECT position FROM projection_checkpoints WHERE name = $1`, [projection]);
  return Number(rows[0]?.position ?? 0);
}
