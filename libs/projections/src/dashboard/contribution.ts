import { bucketOf } from './buckets';
import { dayNumber } from './shanghai-day';
import type { TicketMetric } from './ticket-metric';

const withdrawn = (m: TicketMetric) => m.status === 'withdrawn';
/** SPEC §6: a merged ticket counts in `filed` and `merged` and in no other figure. */
const merged = (m: TicketMetric) => m.status === 'merged';
const resolvedNow = (m: TicketMetric) => m.status === 'resolved' || m.status === 'closed';
const inBacklog = (m: TicketMetric) => !withdrawn(m) && !merged(m) && !resolvedNow(m);
const kept = (m: TicketMetric) => !withdrawn(m) && !merged(m);
/**
 * Waiting on the resident since before its resolve deadline: the clock is stopped, so the ticket
 * is not overdue however late it is now (the resume pushes the deadline back). One that was
 * overdue before the wait began stays overdue, as the decider's breach does.
 */
const clockStopped = (m: TicketMetric) => m.waitingOn === 'resident' && m.waitingSince !== null && m.waitingSince <= m.resolveBy;
/** In the backlog with a deadline that can pass: what `overdue` counts once now is past it. */
const due = (m: TicketMetric) => inBacklog(m) && !clockStopped(m);

/**
 * The counters of SPEC §6: whether one ticket counts (1) or not (0), or for the follow-ups how many
 * of its follow-ups count (a ticket may be followed up more than once). The per-ticket rows store
 * them, the daily table sums them per filing day. This is their one list: the Counters type, the
 * columns (the keys in snake_case), the SQL select and sum lists and the deltas come from it; the
 * migration spells the columns out, as a migration must stay what it was when it ran.
 */
const COUNTERS = {
  filed: () => true,
  withdrawn,
  nonWithdrawn: kept,
  respondedInTime: (m) => kept(m) && m.firstResponseAt !== null && m.firstResponseAt <= m.acknowledgeBy,
  closed: (m) => kept(m) && m.status === 'closed',
  rated: (m) => !merged(m) && m.rating !== null,
  ratedWell: (m) => !merged(m) && m.rating !== null && m.rating >= 4,
  resolvedOnce: (m) => !merged(m) && m.everResolved,
  reopened: (m) => !merged(m) && m.everResolved && m.everRejected,
  followUpBase: (m) => kept(m) && resolvedNow(m),
  followedUp: (m) => kept(m) && resolvedNow(m) && m.followUpsReached > 0,
  reachedFollowUps: (m) => (merged(m) ? 0 : m.followUpsReached),
  wellScoredFollowUps: (m) => (merged(m) ? 0 : m.followUpsWell),
  backlog: inBacklog,
  merged,
} satisfies Record<string, (m: TicketMetric) => boolean | number>;

export type CounterName = keyof typeof COUNTERS;
export type Counters = Record<CounterName, number>;

export const COUNTER_NAMES = Object.keys(COUNTERS) as readonly CounterName[];

/** A counter's column in rm_ticket_metrics and rm_ticket_metrics_daily: respondedInTime is responded_in_time. */
export const counterColumn = (name: CounterName): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const COUNTER_COLUMNS: readonly string[] = COUNTER_NAMES.map(counterColumn);

export function zeroCounters(): Counters {
  const c = {} as Counters;
  for (const name of COUNTER_NAMES) c[name] = 0;
  return c;
}

/** The counters as a row's columns, for writing. */
export function counterColumns(c: Counters): Record<string, number> {
  const row: Record<string, number> = {};
  COUNTER_NAMES.forEach((name, i) => (row[COUNTER_COLUMNS[i]] = c[name]));
  return row;
}

/**
 * Histogram kinds: durations by bucket, and the backlog by the day number its resolve deadline
 * falls on (a stopped clock has no such day: see `due`).
 */
export const KIND = { firstResponse: 0, resolution: 1, backlogDue: 2 } as const;

/** What one ticket adds to the figures of its filing day; the daily table is the sum of these. */
type Contribution = Readonly<{
  day: number;
  counters: Counters;
  firstResponseMs: number | null;
  firstResponseBucket: number | null;
  resolutionMs: number | null;
  resolutionBucket: number | null;
  /** The day number of the resolve deadline, while in the backlog with its clock running. */
  dueDay: number | null;
  hist: readonly (readonly [kind: number, bucket: number, valueMs: number | null])[];
}>;

export function contributionOf(m: TicketMetric): Contribution {
  const counters = {} as Counters;
  for (const name of COUNTER_NAMES) counters[name] = Number(COUNTERS[name](m));
  const day = dayNumber(m.filedAt);
  const firstResponseMs = m.firstResponseAt === null || merged(m) ? null : m.firstResponseAt - m.filedAt;
  const resolutionMs = resolvedNow(m) && m.lastResolvedAt !== null ? m.lastResolvedAt - m.filedAt : null;
  const firstResponseBucket = firstResponseMs === null ? null : bucketOf(firstResponseMs);
  const resolutionBucket = resolutionMs === null ? null : bucketOf(resolutionMs);
  const dueDay = due(m) ? dayNumber(m.resolveBy) : null;
  const hist: [number, number, number | null][] = [];
  if (firstResponseBucket !== null) hist.push([KIND.firstResponse, firstResponseBucket, firstResponseMs]);
  if (resolutionBucket !== null) hist.push([KIND.resolution, resolutionBucket, resolutionMs]);
  if (dueDay !== null) hist.push([KIND.backlogDue, dueDay, null]);
  return { day, counters, firstResponseMs, firstResponseBucket, resolutionMs, resolutionBucket, dueDay, hist };
}
