import { lastSealMoment } from './audit-timer';

describe('the daily seal moment (00:05 Asia/Shanghai)', () => {
  it.each([
    ['2026-12-02T16:05:00.000Z', '2026-12-02T16:05:00.000Z'], // 00:05 on 3 Dec in Shanghai, exactly
    ['2026-12-02T16:04:59.999Z', '2026-12-01T16:05:00.000Z'], // a moment before: the day before's
    ['2026-12-03T03:00:00.000Z', '2026-12-02T16:05:00.000Z'], // 11:00 in Shanghai
    ['2026-12-02T23:59:00.000Z', '2026-12-02T16:05:00.000Z'], // 07:59 in Shanghai, still the same day
    ['2026-12-31T16:00:00.000Z', '2026-12-30T16:05:00.000Z'], // midnight, new year in Shanghai: not yet
  ])('when it is %s, the latest seal due was at %s', (now, due) => expect(lastSealMoment(new Date(now)).toISOString()).toBe(due));
});
