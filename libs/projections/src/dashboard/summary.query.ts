/**
 * GET /dashboards/summary: the figures of SPEC §6 over any window of filing times, exact, at a
 * cost that does not grow with the log. It serves `npm run bench:dashboard` (bench/scale.bench.ts),
 * whose targets are p95 < 20 ms at a million events and at most 1.5× growth from ten thousand.
 *
 * Counters are sums: the window's whole Shanghai days come from rm_ticket_metrics_daily, and its
 * partial days at either edge are added, or the rest of the day subtracted, ticket by ticket from
 * rm_ticket_metrics, whichever reads fewer tickets (planWindow).
 *
 * Percentiles are not sums, so each ticket's durations are also counted in bucket histograms
 * (buckets.ts: 16 buckets per doubling) kept per aligned block of 1, 8 and 64 days (day-blocks.ts):
 * a long window reads a dozen blocks rather than a row per day. The window's merged histogram
 * says in which bucket the nearest-rank p50 and p90 lie and at which rank inside it; the exact
 * value is then the rank-th smallest among that one bucket's tickets, one indexed lookup per
 * percentile, or none when the bucket's stored bounds meet. The backlog is kept in the histogram
 * by the day of its resolve deadline, so "overdue" reads ticket by ticket only today's deadlines.
 * The statements are in summary.sql.ts.
 */
import type { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import { COUNTER_NAMES, KIND, zeroCounters, type Counters } from './contribution';
import { PERCENTILES, figuresOf, locateRank, nearestRank, type Figures, type Percentiles } from './figures';
import { dashboardScope, mustSeeCommunity, type Queryable } from './scope';
import { DAY_MS, dayFromKey, dayNumber, dayStart } from './shanghai-day';
import { inSnapshot } from './snapshot';
import {
  emptyHistograms,
  readCounters,
  readHistograms,
  readOverdueToday,
  readPercentiles,
  readPosition,
  type GroupBy,
  type Histogram,
  type Histograms,
  type Interval,
  type SummaryFilters,
  type Target,
  type WindowPlan,
} from './summary.sql';
import { TICKET_METRICS_PROJECTION } from './ticket-metrics.projection';

/** Rounding a window edge to a day boundary: inward adds the partial day ticket by ticket, outward subtracts the rest. */
type EdgeMode = 'inward' | 'outward';
export type EdgeModes = Readonly<{ from: EdgeMode; to: EdgeMode }>;

export type SummaryQuery = Readonly<{
  communityId?: string;
  companyId?: string;
  category?: string;
  /** Epoch milliseconds, [from, to) over the filing time. */
  from: number;
  to: number;
  groupBy?: GroupBy;
  /** The clock for "now" figures (backlog, overdue). */
  now: number;
  /** Forces how the window's partial days are read; the answer is the same either way. */
  edges?: EdgeModes;
}>;

type GroupFigures = { key: string } & Figures;
export type Summary = { asOfPosition: number; from: string; to: string; total: Figures; groups?: GroupFigures[] };

/** Scoped to the caller, read in one snapshot. */
export async function dashboardSummary(db: DataSource, actor: Principal, query: SummaryQuery): Promise<Summary> {
  const scope = await dashboardScope(db, actor);
  // A community outside the caller's scope does not exist for them: 404, not a page of zeros.
  if (query.communityId !== undefined) await mustSeeCommunity(db, scope, query.communityId);
  const filters: SummaryFilters = { scope, communityId: query.communityId, companyId: query.companyId, category: query.category };
  return inSnapshot(db, (q) => summarize(q, filters, query));
}

export async function summarize(q: Queryable, filters: SummaryFilters, query: SummaryQuery): Promise<Summary> {
  const { from, to, now, groupBy } = query;
  const read = { q, plan: planWindow(from, to, now, query.edges), filters, groupBy };
  const asOfPosition = await readPosition(q, TICKET_METRICS_PROJECTION);
  const sets = figureSets(
    await readCounters(read),
    await readHistograms(read, now),
    await readOverdueToday(read, { from, to }, now),
    groupBy,
  );
  const targets: Target[] = sets.flatMap((s) => percentileTargets(s.key, s.histograms, groupBy, { from, to }));
  const seconds = lookup(targets, await readPercentiles(q, targets, filters, groupBy));
  const figures = sets.map((s) => {
    const pick = (kind: number): Percentiles => ({ p50: seconds(s.key, kind, 50), p90: seconds(s.key, kind, 90) });
    return figuresOf(s.counters, s.histograms.overdueBeforeToday + s.overdueToday, pick(KIND.firstResponse), pick(KIND.resolution));
  });
  const summary: Summary = { asOfPosition, from: new Date(from).toISOString(), to: new Date(to).toISOString(), total: figures[0] };
  if (groupBy) summary.groups = sets.slice(1).map((s, i) => ({ key: s.key!, ...figures[i + 1] }));
  return summary;
}

const MODES: readonly EdgeModes[] = [
  { from: 'inward', to: 'inward' },
  { from: 'inward', to: 'outward' },
  { from: 'outward', to: 'inward' },
  { from: 'outward', to: 'outward' },
];

/**
 * Any choice is exact; the automatic one reads the fewest tickets one by one, on the guess that
 * tickets are spread evenly over the past and none are filed in the future.
 */
export function planWindow(from: number, to: number, now: number, modes?: EdgeModes): WindowPlan {
  if (modes) return planWith(from, to, modes);
  const cost = (p: WindowPlan) => p.edges.reduce((sum, e) => sum + Math.max(0, Math.min(e.hi, now) - e.lo), 0);
  return MODES.map((m) => planWith(from, to, m)).reduce((best, p) => (cost(p) < cost(best) ? p : best));
}

function planWith(from: number, to: number, modes: EdgeModes): WindowPlan {
  const first = modes.from === 'outward' || dayStart(dayNumber(from)) === from ? dayNumber(from) : dayNumber(from) + 1;
  const last = modes.to === 'inward' || dayStart(dayNumber(to)) === to ? dayNumber(to) : dayNumber(to) + 1;
  if (first >= last) return { days: null, edges: [{ lo: from, hi: to, sign: 1 }] };
  const edges: Interval[] = [];
  const start = dayStart(first);
  const end = dayStart(last);
  if (from < start) edges.push({ lo: from, hi: start, sign: 1 });
  if (start < from) edges.push({ lo: start, hi: from, sign: -1 });
  if (end < to) edges.push({ lo: end, hi: to, sign: 1 });
  if (to < end) edges.push({ lo: to, hi: end, sign: -1 });
  return { days: { from: first, to: last }, edges };
}

type FigureSet = Readonly<{ key: string | null; counters: Counters; histograms: Histograms; overdueToday: number }>;

/** The total (key null) first, then each group with tickets, ordered by key. */
function figureSets(
  counters: Map<string, Counters>,
  histograms: Map<string, Histograms>,
  overdueToday: Map<string, number>,
  groupBy?: GroupBy,
): FigureSet[] {
  const keys = [...counters.keys()].filter((k) => counters.get(k)!.filed !== 0).sort();
  const setOf = (key: string | null): FigureSet => {
    const inSet = key === null ? keys : [key];
    return {
      key,
      counters: sumCounters(inSet.map((k) => counters.get(k)!)),
      histograms: mergeHistograms(inSet.map((k) => histograms.get(k) ?? emptyHistograms())),
      overdueToday: inSet.reduce((n, k) => n + (overdueToday.get(k) ?? 0), 0),
    };
  };
  return [null, ...(groupBy ? keys : [])].map(setOf);
}

function sumCounters(list: readonly Counters[]): Counters {
  const sum = zeroCounters();
  for (const c of list) for (const name of COUNTER_NAMES) sum[name] += c[name];
  return sum;
}

function mergeHistograms(list: readonly Histograms[]): Histograms {
  const merged = emptyHistograms();
  for (const h of list) {
    mergeInto(merged.firstResponse, h.firstResponse);
    mergeInto(merged.resolution, h.resolution);
    merged.overdueBeforeToday += h.overdueBeforeToday;
  }
  return merged;
}

/** Counts add up; bounds widen, and an unknown bound makes the merged one unknown. */
function mergeInto(into: Histogram, from: Histogram): void {
  const widen = (a: number | null, b: number | null, pick: (x: number, y: number) => number) =>
    a === null || b === null ? null : pick(a, b);
  for (const [bucket, c] of from) {
    const seen = into.get(bucket);
    into.set(bucket, seen ? { n: seen.n + c.n, lo: widen(seen.lo, c.lo, Math.min), hi: widen(seen.hi, c.hi, Math.max) } : { ...c });
  }
}

type Window = Readonly<{ from: number; to: number }>;

const total = (h: Histogram) => [...h.values()].reduce((sum, b) => sum + b.n, 0);

/** A day group only needs its own day of the window, which keeps the lookup inside one day. */
function rangeOf(group: string | null, groupBy: GroupBy | undefined, w: Window): { lo: number; hi: number } {
  if (group === null || groupBy !== 'day') return { lo: w.from, hi: w.to };
  const start = dayStart(dayFromKey(group));
  return { lo: Math.max(w.from, start), hi: Math.min(w.to, start + DAY_MS) };
}

/** Where each percentile of one set lies: its bucket and its rank inside that bucket. */
function percentileTargets(group: string | null, h: Histograms, groupBy: GroupBy | undefined, w: Window): Target[] {
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

/** Seconds for a set's percentile, from the values found for the targets (milliseconds). */
function lookup(targets: readonly Target[], values: readonly (number | null)[]) {
  const found = new Map(targets.map((t, i) => [`${t.group}|${t.kind}|${t.percent}`, values[i]]));
  return (key: string | null, kind: number, percent: number): number | null => {
    const ms = found.get(`${key}|${kind}|${percent}`);
    return ms === undefined || ms === null ? null : ms / 1000;
  };
}
