import { COUNTER_NAMES, KIND, counterColumn, zeroCounters, type Counters } from './contribution';
import { BLOCK_LEVELS, blockRuns, dayBlocks } from './day-blocks';
import type { DashboardScope, Queryable } from './scope';
import { dayKey, dayNumber, dayStart } from './shanghai-day';

// The statements of the dashboard summary; summary.query.ts says how they fit together.

/** `building` keys are building codes ('' for tickets that name none): meaningful within one community. */
export type GroupBy = 'community' | 'company' | 'category' | 'building' | 'day';
export const GROUP_BYS: readonly GroupBy[] = ['community', 'company', 'category', 'building', 'day'];

export type SummaryFilters = Readonly<{ scope: DashboardScope; communityId?: string; companyId?: string; category?: string }>;

/** An interval [lo, hi) of filing times read ticket by ticket, added (1) to the whole days or subtracted (-1). */
export type Interval = Readonly<{ lo: number; hi: number; sign: 1 | -1 }>;

/** Whole days [from, to) read from the daily sums, corrected by intervals read ticket by ticket. */
export type WindowPlan = Readonly<{ days: Readonly<{ from: number; to: number }> | null; edges: readonly Interval[] }>;

export type SummaryRead = Readonly<{ q: Queryable; plan: WindowPlan; filters: SummaryFilters; groupBy?: GroupBy }>;

/** A bucket's count, and bounds that every value in it lies within (null: unknown). */
type BucketCount = { n: number; lo: number | null; hi: number | null };
export type Histogram = Map<number, BucketCount>;
export type Histograms = { firstResponse: Histogram; resolution: Histogram; overdueBeforeToday: number };

export const emptyHistograms = (): Histograms => ({ firstResponse: new Map(), resolution: new Map(), overdueBeforeToday: 0 });

/**
 * One percentile: the rank-th smallest value of one bucket, in one group (null: all groups), among
 * the tickets filed in [lo, hi). `known` is set when the bucket's bounds meet, so its value needs no lookup.
 */
export type Target = Readonly<{
  group: string | null;
  kind: number;
  percent: number;
  bucket: number;
  rank: number;
  lo: number;
  hi: number;
  known: number | null;
}>;

/** Positional parameters collected while SQL text is assembled. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The same filters on the per-ticket, daily and histogram tables, which share these column names. */
function filterSql(alias: string, f: SummaryFilters, p: Params): string {
  const parts: string[] = [];
  if (!f.scope.all) parts.push(`${alias}.community_id = ANY(${p.add(f.scope.communities, '::text[]')})`);
  if (f.communityId !== undefined) parts.push(`${alias}.community_id = ${p.add(f.communityId)}`);
  if (f.companyId !== undefined) parts.push(`${alias}.company_id = ${p.add(f.companyId)}`);
  if (f.category !== undefined) parts.push(`${alias}.category = ${p.add(f.category)}`);
  return parts.map((part) => ` AND ${part}`).join('');
}

/**
 * The group key in SQL; per-ticket rows name their day filed_day, the pre-aggregated tables day.
 * Days group as day numbers (cheap integers, not to_char per row) and become YYYY-MM-DD in keyOf.
 */
function keySql(alias: string, groupBy: GroupBy | undefined, perTicket = false): string {
  switch (groupBy) {
    case undefined:
      return `''`;
    case 'community':
      return `${alias}.community_id`;
    case 'company':
      return `${alias}.company_id`;
    case 'category':
      return `${alias}.category`;
    case 'building':
      return `${alias}.building`;
    case 'day':
      return `(${alias}.${perTicket ? 'filed_day' : 'day'} - DATE '1970-01-01')`;
  }
}

/** A key as read back from SQL, as the API shows it. */
const keyOf = (groupBy: GroupBy | undefined, raw: string | number): string => (groupBy === 'day' ? dayKey(Number(raw)) : String(raw));

/**
 * One SELECT per edge interval over the per-ticket rows, its sign a constant: a plain range on
 * filed_at is what lets the planner read the index instead of every ticket.
 */
function perEdge(p: Params, edges: readonly Interval[], select: (sign: number) => string, where: () => string): string[] {
  return edges.map(
    (e) =>
      `${select(e.sign)} WHERE m.filed_at >= ${p.add(iso(e.lo))}::timestamptz AND m.filed_at < ${p.add(iso(e.hi))}::timestamptz${where()}`,
  );
}

function daysSql(alias: string, r: SummaryRead, p: Params): string {
  const days = r.plan.days!;
  return `${alias}.day >= ${p.add(dayKey(days.from))}::date AND ${alias}.day < ${p.add(dayKey(days.to))}::date${filterSql(alias, r.filters, p)}`;
}

const COUNTER_COLUMN_NAMES = COUNTER_NAMES.map((name) => [name, counterColumn(name)] as const);

/** Counter sums per group: whole days from the daily table, edges ticket by ticket. */
export async function readCounters(r: SummaryRead): Promise<Map<string, Counters>> {
  const p = new Params();
  const parts: string[] = [];
  if (r.plan.days) {
    const select = COUNTER_COLUMN_NAMES.map(([, c]) => `d.${c} AS ${c}`).join(', ');
    parts.push(`SELECT ${keySql('d', r.groupBy)} AS key, ${select} FROM rm_ticket_metrics_daily d WHERE ${daysSql('d', r, p)}`);
  }
  const signed = (sign: number) => COUNTER_COLUMN_NAMES.map(([, c]) => `${sign} * m.${c} AS ${c}`).join(', ');
  parts.push(
    ...perEdge(
      p,
      r.plan.edges,
      (sign) => `SELECT ${keySql('m', r.groupBy, true)} AS key, ${signed(sign)} FROM rm_ticket_metrics m`,
      () => filterSql('m', r.filters, p),
    ),
  );
  const sums = COUNTER_COLUMN_NAMES.map(([name, c]) => `sum(${c})::int AS "${name}"`).join(', ');
  const rows: ({ key: string | number } & Counters)[] = await r.q.query(
    `SELECT key, ${sums} FROM (${parts.join(' UNION ALL ')}) x GROUP BY key`,
    p.values,
  );
  return new Map(rows.map((row) => [keyOf(r.groupBy, row.key), pickCounters(row)]));
}

function pickCounters(row: Counters): Counters {
  const c = zeroCounters();
  for (const name of COUNTER_NAMES) c[name] = row[name];
  return c;
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
  // due_day is set for the backlog whose clock runs (contribution.ts): a stopped clock is never overdue.
  const due = () => `CASE WHEN m.due_day IS NOT NULL AND m.resolve_by < ${p.add(iso(dayStart(dayNumber(now))))}::timestamptz THEN 0 END`;
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
    const h = byKey.get(key) ?? emptyHistograms();
    if (row.kind === KIND.firstResponse) h.firstResponse.set(row.bucket, count(row));
    else if (row.kind === KIND.resolution) h.resolution.set(row.bucket, count(row));
    else h.overdueBeforeToday += row.n;
    byKey.set(key, h);
  }
  return byKey;
}

/** The backlog whose deadline falls today and has passed by now, ticket by ticket (due_day: its clock runs). */
export async function readOverdueToday(r: SummaryRead, window: { from: number; to: number }, now: number): Promise<Map<string, number>> {
  const p = new Params();
  const rows: { key: string | number; n: number }[] = await r.q.query(
    `SELECT ${keySql('m', r.groupBy, true)} AS key, count(*)::int AS n FROM rm_ticket_metrics m
      WHERE m.due_day IS NOT NULL AND m.resolve_by >= ${p.add(iso(dayStart(dayNumber(now))))}::timestamptz AND m.resolve_by < ${p.add(iso(now))}::timestamptz
        AND m.filed_at >= ${p.add(iso(window.from))}::timestamptz AND m.filed_at < ${p.add(iso(window.to))}::timestamptz${filterSql('m', r.filters, p)}
      GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((row) => [keyOf(r.groupBy, row.key), row.n]));
}

const GROUP_COLUMN: Partial<Record<GroupBy, string>> = {
  community: 'community_id',
  company: 'company_id',
  category: 'category',
  building: 'building',
};

/**
 * Exact values for the targets, in target order (milliseconds): known ones as they are, the rest
 * in one statement that reads, per target, only the tickets of its bucket in its window.
 */
export async function readPercentiles(
  q: Queryable,
  targets: readonly Target[],
  filters: SummaryFilters,
  groupBy?: GroupBy,
): Promise<(number | null)[]> {
  const values: (number | null)[] = targets.map((t) => t.known);
  const unknown = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.known === null);
  if (!unknown.length) return values;
  const p = new Params();
  const array = <T>(of: (t: Target, i: number) => T, cast: string) =>
    p.add(
      unknown.map(({ t, i }) => of(t, i)),
      cast,
    );
  const columns = [
    array((_, i) => i, '::int[]'),
    array((t) => t.group, '::text[]'),
    array((t) => t.kind, '::int[]'),
    array((t) => t.bucket, '::int[]'),
    array((t) => t.rank, '::int[]'),
    array((t) => iso(t.lo), '::timestamptz[]'),
    array((t) => iso(t.hi), '::timestamptz[]'),
  ];
  const column = groupBy && GROUP_COLUMN[groupBy];
  const group = column ? ` AND (t.g IS NULL OR m.${column} = t.g)` : '';
  const branch = (kind: number, value: string, bucket: string) =>
    `SELECT m.${value} AS v FROM rm_ticket_metrics m WHERE t.kind = ${kind} AND m.${bucket} = t.b
       AND m.filed_at >= t.lo AND m.filed_at < t.hi${filterSql('m', filters, p)}${group}`;
  const rows: { i: number; v: string }[] = await q.query(
    `SELECT t.i, x.v FROM unnest(${columns.join(', ')}) AS t(i, g, kind, b, r, lo, hi)
     CROSS JOIN LATERAL (
       SELECT u.v FROM (${branch(KIND.firstResponse, 'first_response_ms', 'fr_bucket')}
                        UNION ALL ${branch(KIND.resolution, 'resolution_ms', 'res_bucket')}) u
       ORDER BY u.v OFFSET t.r - 1 LIMIT 1) x`,
    p.values,
  );
  for (const row of rows) values[row.i] = Number(row.v);
  return values;
}

export async function readPosition(q: Queryable, projection: string): Promise<number> {
  const rows: { position: string }[] = await q.query(`SELECT position FROM projection_checkpoints WHERE name = $1`, [projection]);
  return Number(rows[0]?.position ?? 0);
}
