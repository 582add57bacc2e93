import { locateRank, nearestRank, percentileOf, rate } from './figures';

describe('nearest-rank percentiles', () => {
  it.each([
    [1, 50, 1],
    [1, 90, 1],
    [2, 50, 1],
    [2, 90, 2],
    [10, 90, 9],
    [11, 90, 10],
    [20, 50, 10],
    [21, 50, 11],
    [100, 90, 90],
    [101, 90, 91],
  ])('when there are %i values, p%i is the %i-th smallest', (n, percent, k) => expect(nearestRank(n, percent)).toBe(k));

  it('when values are sorted, p50 and p90 are picked at those ranks; with none, null', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([percentileOf(sorted, 50), percentileOf(sorted, 90)]).toEqual([5, 9]);
    expect(percentileOf([], 50)).toBeNull();
  });

  it('when products like 0.9·n would round up in floating point, the rank still comes out exact', () => {
    for (let n = 1; n <= 1000; n++) expect(nearestRank(n, 90)).toBe(Math.floor((90 * n + 99) / 100));
  });
});

describe('rate', () => {
  it('when there is a denominator, the share is a fraction; without one, null', () => {
    expect([rate(3, 4), rate(0, 5), rate(0, 0)]).toEqual([0.75, 0, null]);
  });
});

describe('locateRank', () => {
  const histogram = new Map([
    [7, { n: 2 }],
    [3, { n: 1 }],
    [12, { n: 3 }],
  ]);

  it.each([
    [1, { bucket: 3, rank: 1 }],
    [2, { bucket: 7, rank: 1 }],
    [3, { bucket: 7, rank: 2 }],
    [4, { bucket: 12, rank: 1 }],
    [6, { bucket: 12, rank: 3 }],
  ])('when the %i-th smallest is wanted, it is found by bucket order, not insertion order', (k, at) =>
    expect(locateRank(histogram, k)).toEqual(at),
  );

  it('when the rank is beyond the count, there is no such value', () => expect(locateRank(histogram, 7)).toBeNull());
});
