import { bucketOf } from './buckets';
import { dayNumber } from './shanghai-day';
import type { TicketMetric } from './ticket-metric';

/** What one ticket adds to the figures of its filing day; the daily table is the sum of these. */
export type Counters = {
  filed: number;
  withdrawn: number;
  nonWithdrawn: number;
  respondedInTime: number;
  closed: number;
  rated: number;
  ratedWell: number;
  resolvedOnce: number;
  reopened: number;
  backlog: number;
};

export const COUNTER_NAMES = [
  'filed',
  'withdrawn',
  'nonWithdrawn',
  'respondedInTime',
  'closed',
  'rated',
  'ratedWell',
  'resolvedOnce',
  'reopened',
  'backlog',
] as const satisfies readonly (keyof Counters)[];

/** Histogram kinds: durations by bucket, and the backlog by the day number its resolve deadline falls on. */
export const KIND = { firstResponse: 0, resolution: 1, backlogDue: 2 } as const;

export type Contribution = Readonly<{
  day: number;
  counters: Counters;
  firstResponseMs: number | null;
  firstResponseBucket: number | null;
  resolutionMs: number | null;
  resolutionBucket: number | null;
  /** The day number of the resolve deadline, while in the backlog. */
  dueDay: number | null;
  hist: readonly (readonly [kind: number, bucket: number, valueMs: number | null])[];
}>;

export const zeroCounters = (): Counters => ({
  filed: 0,
  withdrawn: 0,
  nonWithdrawn: 0,
  respondedInTime: 0,
  closed: 0,
  rated: 0,
  ratedWell: 0,
  resolvedOnce: 0,
  reopened: 0,
  backlog: 0,
});

const bit = (b: boolean) => (b ? 1 : 0);

export function contributionOf(m: TicketMetric): Contribution {
  const withdrawn = m.status === 'withdrawn';
  const resolvedNow = m.status === 'resolved' || m.status === 'closed';
  const inTime = !withdrawn && m.firstResponseAt !== null && m.firstResponseAt <= m.acknowledgeBy;
  const backlog = !withdrawn && !resolvedNow;
  const counters: Counters = {
    filed: 1,
    withdrawn: bit(withdrawn),
    nonWithdrawn: bit(!withdrawn),
    respondedInTime: bit(inTime),
    closed: bit(!withdrawn && m.status === 'closed'),
    rated: bit(m.rating !== null),
    ratedWell: bit(m.rating !== null && m.rating >= 4),
    resolvedOnce: bit(m.everResolved),
    reopened: bit(m.everResolved && m.everRejected),
    backlog: bit(backlog),
  };
  const day = dayNumber(m.filedAt);
  const firstResponseMs = m.firstResponseAt === null ? null : m.firstResponseAt - m.filedAt;
  const resolutionMs = resolvedNow && m.lastResolvedAt !== null ? m.lastResolvedAt - m.filedAt : null;
  const firstResponseBucket = firstResponseMs === null ? null : bucketOf(firstResponseMs);
  const resolutionBucket = resolutionMs === null ? null : bucketOf(resolutionMs);
  const dueDay = backlog ? dayNumber(m.resolveBy) : null;
  const hist: [number, number, number | null][] = [];
  if (firstResponseBucket !== null) hist.push([KIND.firstResponse, firstResponseBucket, firstResponseMs]);
  if (resolutionBucket !== null) hist.push([KIND.resolution, resolutionBucket, resolutionMs]);
  if (dueDay !== null) hist.push([KIND.backlogDue, dueDay, null]);
  return { day, counters, firstResponseMs, firstResponseBucket, resolutionMs, resolutionBucket, dueDay, hist };
}
