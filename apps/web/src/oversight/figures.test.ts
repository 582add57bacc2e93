import { describe, expect, it } from 'vitest';
import { bucketDays, hours, lastDays, monthOf, monthWindow, percent, percentValue, weekWindows } from './figures';

describe('periods in Beijing time', () => {
  it('the last 30 days end at the next Beijing midnight, whatever the hour', () => {
    // 2026-12-03 23:30 in Beijing is 15:30 UTC: "today" is still the 3rd there.
    expect(lastDays(30, Date.parse('2026-12-03T15:30:00Z'))).toEqual({ from: '2026-11-03T16:00:00.000Z', to: '2026-12-03T16:00:00.000Z' });
    // 00:30 on the 4th in Beijing is 16:30 UTC on the 3rd: the window moves on by a day.
    expect(lastDays(30, Date.parse('2026-12-03T16:30:00Z')).to).toBe('2026-12-04T16:00:00.000Z');
  });

  it('a month runs from its 1st to the next 1st at Beijing midnight, December into January', () => {
    expect(monthWindow('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(monthOf(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(() => monthWindow('2026-13')).toThrow(/not a month/);
  });

  it('weeks are cut at Monday 00:00 Beijing, the ends clipped to the period', () => {
    // 2026-12-01 is a Tuesday.
    const weeks = weekWindows(monthWindow('2026-12'));
    expect(weeks.map((w) => w.label)).toEqual(['2026-12-01', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(weeks[0]).toMatchObject({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' });
    expect(weeks.at(-1)!.to).toBe('2026-12-31T16:00:00.000Z');
    // Contiguous: each window starts where the last ended.
    for (let i = 1; i < weeks.length; i++) expect(weeks[i].from).toBe(weeks[i - 1].to);
  });
});

describe('bucketing days into weeks', () => {
  it('sums each day into the week it falls in and leaves out days outside the period', () => {
    const weeks = weekWindows(monthWindow('2026-12'));
    const day = (key: string, filed: number, backlog = 0) => ({ key, filed, withdrawn: 0, backlog, overdue: 0 });
    const sums = bucketDays(
      [day('2026-11-30', 9), day('2026-12-01', 2), day('2026-12-06', 3, 1), day('2026-12-07', 4), day('2026-12-31', 5, 2)],
      weeks,
    );
    expect(sums.map((s) => s.filed)).toEqual([5, 4, 0, 0, 5]);
    expect(sums.map((s) => s.backlog)).toEqual([1, 0, 0, 0, 2]);
  });
});

describe('formats of the joint meeting', () => {
  it('rates are percentages with one decimal, and no denominator is a dash', () => {
    expect(percent(0.9880952380952381)).toBe('98.8%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(null)).toBe('—');
    expect(percentValue(0.79130434)).toBe(79.1);
    expect(percentValue(null)).toBeNull();
  });

  it('durations are hours with one decimal', () => {
    expect(hours(4560)).toBe('1.3');
    expect(hours(220920)).toBe('61.4');
    expect(hours(null)).toBe('—');
  });
});
