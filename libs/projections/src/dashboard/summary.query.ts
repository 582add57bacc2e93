import type { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import { COUNTER_NAMES, KIND, zeroCounters, type Counters } from './contribution';
import { figuresOf, type Figures, type Percentiles } from './figures';
import { dashboardScope, type Queryable } from './scope';
import { inSnapshot } from './snapshot';
import { planWindow, type EdgeModes } from './summary-plan';
import { percentileTargets, readPercentiles, type Target } from './summary-percentiles';
import { readCounters, readHistograms, readOverdueToday, readPosition, type Histogram, type Histograms } from './summary-reads';
import type { GroupBy, SummaryFilters } from './summary-sql';
import { TICKET_METRICS_PROJECTION } from './ticket-metrics.projection';

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

export type GroupFigures = { key: string } & Figures;
export type Summary = { asOfPosition: number; from: string; to: string; total: Figures; groups?: GroupFigures[] };

/** GET /dashboards/summary: scoped to the caller, read in one snapshot. */
export async function dashboardSummary(db: DataSource, actor: Principal, query: SummaryQuery): Promise<Summary> {
  const scope = await dashboardScope(db, actor);
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

type FigureSet = Readonly<{ key: string | null; counters: Counters; histograms: Histograms; overdueToday: number }>;

/** The total (key null) first, then each group with tickets, ordered by key. */
function figureSets(
  counters: Map<string, Counters>,
  histograms: Map<string, Histograms>,
  overdueToday: Map<string, number>,
  groupBy?: GroupBy,
): FigureSet[] {
  const keys = [...counters.keys()].filter((k) => counters.get(k)!.filed !== 0).sort();
  const empty = (): Histograms => ({ firstResponse: new Map(), resolution: new Map(), overdueBeforeToday: 0 });
  const setOf = (key: string | null): FigureSet => {
    const inSet = key === null ? keys : [key];
    return {
      key,
      counters: sumCounters(inSet.map((k) => counters.get(k)!)),
      histograms: mergeHistograms(inSet.map((k) => histograms.get(k) ?? empty())),
      overdueToday: inSet.reduce((n, k) => n + (overdueToday.get(k) ?? 0), 0),
    };
  };
  return [null, ...(groupBy ? keys : [])].map(setOf);
}

/** Seconds for a set's percentile, from the values found for the targets (milliseconds). */
function lookup(targets: readonly Target[], values: readonly (number | null)[]) {
  const found = new Map(targets.map((t, i) => [`${t.group}|${t.kind}|${t.percent}`, values[i]]));
  return (key: string | null, kind: number, percent: number): number | null => {
    const ms = found.get(`${key}|${kind}|${percent}`);
    return ms === undefined || ms === null ? null : ms / 1000;
  };
}

function sumCounters(list: readonly Counters[]): Counters {
  const sum = zeroCounters();
  for (const c of list) for (const name of COUNTER_NAMES) sum[name] += c[name];
  return sum;
}

function mergeHistograms(list: readonly Histograms[]): Histograms {
  const merged: Histograms = { firstResponse: new Map(), resolution: new Map(), overdueBeforeToday: 0 };
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
