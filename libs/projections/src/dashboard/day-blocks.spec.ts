import { blockRuns, blockSize, dayBlocks } from './day-blocks';

describe('dayBlocks', () => {
  it('when a range of days is split, the blocks are aligned, cover it exactly once, and are few', () => {
    for (const [from, to] of [
      [0, 1],
      [3, 5],
      [20403, 20553],
      [20400, 20656],
      [7, 1031],
      [20593, 20623],
    ]) {
      const blocks = dayBlocks(from, to);
      let day = from;
      for (const b of blocks) {
        expect(b.start).toBe(day);
        expect(b.start % blockSize(b.level)).toBe(0);
        day += blockSize(b.level);
      }
      expect(day).toBe(to);
      expect(blocks.length).toBeLessThanOrEqual(2 * 7 * 2 + 20);
    }
  });

  it('when 150 days are read, a couple of dozen blocks do, not 150 days', () => {
    expect(dayBlocks(20605, 20755).length).toBeLessThan(25);
  });

  it('when only single days are allowed (grouping by day), every day is its own block', () => {
    expect(dayBlocks(10, 14, 0)).toEqual([10, 11, 12, 13].map((start) => ({ level: 0, start })));
  });

  it('when blocks of one level follow each other, they make one run', () => {
    expect(
      blockRuns([
        { level: 0, start: 7 },
        { level: 1, start: 8 },
        { level: 1, start: 16 },
        { level: 0, start: 24 },
      ]),
    ).toEqual([
      { level: 0, first: 7, last: 7 },
      { level: 1, first: 8, last: 16 },
      { level: 0, first: 24, last: 24 },
    ]);
  });
});
