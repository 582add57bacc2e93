import { dayStart } from './shanghai-day';
import { planWindow } from './summary.query';

const H = 3_600_000;
const midnight = Date.UTC(2025, 10, 10, 16); // 2025-11-11 00:00 in UTC+8
const day = (offset: number) => Math.round((midnight + offset * 24 * H + 8 * H) / (24 * H));

describe('planWindow', () => {
  it('when both edges fall on Shanghai midnights, only whole days are read', () => {
    expect(planWindow(midnight, midnight + 3 * 24 * H, midnight + 100 * 24 * H)).toEqual({ days: { from: day(0), to: day(3) }, edges: [] });
  });

  it('when the window ends now, the rest of today is subtracted (nothing is filed in the future) rather than today added ticket by ticket', () => {
    const now = midnight + 30 * 24 * H + 15 * H;
    const plan = planWindow(now - 30 * 24 * H, now, now);
    expect(plan.days).toEqual({ from: day(1), to: day(31) });
    expect(plan.edges).toEqual([
      { lo: now - 30 * 24 * H, hi: midnight + 24 * H, sign: 1 },
      { lo: now, hi: dayStart(day(31)), sign: -1 },
    ]);
  });

  it('when an edge is near the start of its day, the few hours before it are subtracted; near the end, the few after it are added', () => {
    const plan = planWindow(midnight + 2 * H, midnight + 3 * 24 * H + 22 * H, midnight + 100 * 24 * H);
    expect(plan.edges).toEqual([
      { lo: midnight, hi: midnight + 2 * H, sign: -1 },
      { lo: midnight + 3 * 24 * H + 22 * H, hi: midnight + 4 * 24 * H, sign: -1 },
    ]);
    const inward = planWindow(midnight + 22 * H, midnight + 3 * 24 * H + 2 * H, midnight + 100 * 24 * H);
    expect(inward.edges).toEqual([
      { lo: midnight + 22 * H, hi: midnight + 24 * H, sign: 1 },
      { lo: midnight + 3 * 24 * H, hi: midnight + 3 * 24 * H + 2 * H, sign: 1 },
    ]);
  });

  it('when the window lies inside one day and both edges are rounded inward, it is read ticket by ticket', () => {
    const plan = planWindow(midnight + H, midnight + 2 * H, midnight, { from: 'inward', to: 'inward' });
    expect(plan).toEqual({ days: null, edges: [{ lo: midnight + H, hi: midnight + 2 * H, sign: 1 }] });
  });
});
