import { KIND } from './contribution';
import { PERCENTILES, locateRank, nearestRank } from './figures';
import { DAY_MS, dayFromKey, dayStart } from './shanghai-day';
import { Params, filterSql, type GroupBy, type SummaryFilters } from './summary-sql';
import type { Histogram, Histograms } from './summary-reads';
import type { Queryable } from './scope';

/**
 * One percentile: the rank-th smallest value of one bucket, in one group (null: all groups).
 * `known` is set when the bucket's bounds meet, so its value needs no lookup.
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

type Window = Readonly<{ from: number; to: number }>;

const total = (h: Histogram) => [...h.values()].reduce((sum, b) => sum + b.n, 0);

/** A day group only needs its own day of the window, which keeps the lookup inside one day. */
function rangeOf(group: string | null, groupBy: GroupBy | undefined, w: Window): { lo: number; hi: number } {
  if (group === null || groupBy !== 'day') return { lo: w.from, hi: w.to };
  const start = dayStart(dayFromKey(group));
  return { lo: Math.max(w.from, start), hi: Math.min(w.to, start + DAY_MS) };
}

export function percentileTargets(group: string | null, h: Histograms, groupBy: GroupBy | undefined, w: Window): Target[] {
  const targets: Target[] = [];
  for (const [kind, histogram] of [
    [KIND.firstResponse, h.firstResponse],
    [KIND.resolution, h.resolution],
  ] as const) {
    const n = total(histogram);
    for (const percent of PERCENTILES) {
      const at = n > 0 ? locateRank(histogram, nearestRank(n, percent)) : null;
      if (!at) continue;
      const { lo, hi } = histogram.get(at.bucket)!;
      targets.push({ group, kind, percent, ...at, ...rangeOf(group, groupBy, w), known: lo !== null && lo === hi ? lo : null });
    }
  }
  return targets;
}

const GROUP_COLUMN: Partial<Record<GroupBy, string>> = { community: 'community_id', company: 'company_id', category: 'category' };

/** Exact values for the targets, in target order (milliseconds): known ones as they are, the rest from the per-ticket rows. */
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
  const iso = (ms: number) => new Date(ms).toISOString();
  const columns = [
    p.add(
      unknown.map(({ i }) => i),
      '::int[]',
    ),
    p.add(
      unknown.map(({ t }) => t.group),
      '::text[]',
    ),
    p.add(
      unknown.map(({ t }) => t.kind),
      '::int[]',
    ),
    p.add(
      unknown.map(({ t }) => t.bucket),
      '::int[]',
    ),
    p.add(
      unknown.map(({ t }) => t.rank),
      '::int[]',
    ),
    p.add(
      unknown.map(({ t }) => iso(t.lo)),
      '::timestamptz[]',
    ),
    p.add(
      unknown.map(({ t }) => iso(t.hi)),
      '::timestamptz[]',
    ),
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
