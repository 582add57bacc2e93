import { BUCKET_BOUNDS_MS, bucketOf } from './buckets';

describe('duration buckets', () => {
  it('when durations grow, their bucket never goes down, even across every bound', () => {
    const probes = BUCKET_BOUNDS_MS.flatMap((b) => [b - 1, b, b + 1]);
    for (let i = 1; i < probes.length; i++) expect(bucketOf(probes[i])).toBeGreaterThanOrEqual(bucketOf(probes[i - 1]));
  });

  it('when a duration is under a second or negative (clocks disagree), it falls in bucket 0', () => {
    expect([bucketOf(-5000), bucketOf(0), bucketOf(999), bucketOf(1000)]).toEqual([0, 0, 0, 1]);
  });

  it('when a bucket is read back, it spans about 4.4% of its values, so an exact percentile is looked up among few tickets', () => {
    const widths = BUCKET_BOUNDS_MS.slice(40).map((b, i) => b / BUCKET_BOUNDS_MS[i + 39]);
    expect(Math.max(...widths)).toBeLessThan(1.05);
  });
});
