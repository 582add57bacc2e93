import type { Counters } from './contribution';

export type Percentiles = { p50: number | null; p90: number | null };

/** SPEC §6, one set of tickets. */
export type Figures = {
  filed: number;
  withdrawn: number;
  firstResponseSeconds: Percentiles;
  resolutionSeconds: Percentiles;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  reopenRate: number | null;
  backlog: number;
  overdue: number;
  /** Of those filed, merged into another ticket; they count in no other figure but `filed`. */
  merged: number;
  followUpRate: number | null;
  followUpSatisfactionRate: number | null;
};

export const PERCENTILES = [50, 90] as const;

/** Nearest rank: pN is the ⌈N/100·n⌉-th smallest value (1-based); integer arithmetic, no rounding drift. */
export const nearestRank = (n: number, percent: number): number => Math.max(1, Math.ceil((percent * n) / 100));

/** The nearest-rank percentile of values sorted ascending; null for none. */
export function percentileOf(sorted: readonly number[], percent: number): number | null {
  return sorted.length ? sorted[nearestRank(sorted.length, percent) - 1] : null;
}

/** A share in 0..1; null when nothing could be counted. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function figuresOf(c: Counters, overdue: number, firstResponse: Percentiles, resolution: Percentiles): Figures {
  return {
    filed: c.filed,
    withdrawn: c.withdrawn,
    firstResponseSeconds: firstResponse,
    resolutionSeconds: resolution,
    responseRate: rate(c.respondedInTime, c.nonWithdrawn),
    resolutionRate: rate(c.closed, c.nonWithdrawn),
    satisfactionRate: rate(c.ratedWell, c.rated),
    reopenRate: rate(c.reopened, c.resolvedOnce),
    backlog: c.backlog,
    overdue,
    merged: c.merged,
    followUpRate: rate(c.followedUp, c.followUpBase),
    followUpSatisfactionRate: rate(c.wellScoredFollowUps, c.reachedFollowUps),
  };
}

/** Where the k-th smallest value lies in a histogram of bucket counts: its bucket and its rank inside that bucket. */
export function locateRank(histogram: ReadonlyMap<number, { n: number }>, k: number): { bucket: number; rank: number } | null {
  let below = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    const n = histogram.get(bucket)!.n;
    if (below + n >= k) return { bucket, rank: k - below };
    below += n;
  }
  return null;
}
