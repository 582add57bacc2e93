/**
 * Duration buckets for the pre-aggregated histograms: 16 per doubling from one second, so a
 * bucket spans about 4.4% of its values and the exact percentile is looked up among few rows.
 * Bounds are whole milliseconds compared exactly: a bucket never depends on floating-point logs,
 * so bucketing is monotonic, which the percentile lookup relies on.
 */
const PER_OCTAVE = 16;
const OCTAVES = 29; // from 1 s to about 17 years

export const BUCKET_BOUNDS_MS: readonly number[] = buildBounds();

function buildBounds(): number[] {
  const bounds: number[] = [];
  for (let i = 0; i <= PER_OCTAVE * OCTAVES; i++) {
    const bound = Math.round(1000 * 2 ** (i / PER_OCTAVE));
    if (bound > (bounds[bounds.length - 1] ?? 0)) bounds.push(bound);
  }
  return bounds;
}

/** How many bounds lie at or below the value: 0 for anything under one second, negatives included. */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (BUCKET_BOUNDS_MS[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
