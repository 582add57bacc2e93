import { LOCKOUT, lockedForSeconds } from './lockout';

const now = Date.UTC(2026, 11, 1, 9, 0, 0);
const minutesAgo = (m: number) => now - m * 60_000;

describe('lockedForSeconds', () => {
  it('when fewer than five failures are in the window, sign-in is open', () => {
    expect(lockedForSeconds([], now)).toBeNull();
    expect(lockedForSeconds([1, 2, 3, 4].map(minutesAgo), now)).toBeNull();
  });

  it('when five failures are in the window, it is closed until the oldest leaves the window', () => {
    expect(lockedForSeconds([10, 8, 6, 4, 2].map(minutesAgo), now)).toBe(5 * 60);
  });

  it('when older failures have left the window, they do not count', () => {
    expect(lockedForSeconds([20, 16, 4, 3, 2, 1].map(minutesAgo), now)).toBeNull();
  });

  it('when more than five are in the window, it opens when only four remain', () => {
    // 14, 12, 10, 8, 6, 4 minutes ago: 14 and 12 must both leave, so 12 decides: 3 minutes.
    expect(lockedForSeconds([4, 14, 8, 12, 6, 10].map(minutesAgo), now)).toBe(3 * 60);
  });

  it('when the oldest is about to leave, Retry-After is still at least one second', () => {
    expect(lockedForSeconds([now - LOCKOUT.windowMs + 10, now, now, now, now], now)).toBe(1);
  });

  it('when the oldest is exactly one window old, it has left', () => {
    expect(lockedForSeconds([now - LOCKOUT.windowMs, now, now, now, now], now)).toBeNull();
  });
});
