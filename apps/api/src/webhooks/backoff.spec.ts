import { givesUp, retryDelay } from './backoff';

const o = { baseMs: 10_000, maxDelayMs: 3_600_000 };

it('when attempts fail, the wait doubles from the base', () => {
  expect([1, 2, 3, 4].map((n) => retryDelay(n, o, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
});
it('when the jitter is at its lowest, the wait is half the step', () => expect(retryDelay(3, o, () => 0)).toBe(20_000));
it('when many attempts failed, the wait stays at the cap', () => {
  expect(retryDelay(20, o, () => 1)).toBe(3_600_000);
  expect(retryDelay(10_000, o, () => 1)).toBe(3_600_000);
});
it('when random numbers vary, every wait lies between half the step and the step', () => {
  for (let i = 0; i < 200; i++) {
    const d = retryDelay(5, o);
    expect(d).toBeGreaterThanOrEqual(80_000);
    expect(d).toBeLessThanOrEqual(160_000);
  }
});
it('when the schedule runs for 24 hours, it makes between 20 and 50 attempts', () => {
  let at = 0;
  let attempts = 1;
  while (!givesUp(0, at + retryDelay(attempts, o, () => 0.5), 86_400_000)) {
    at += retryDelay(attempts, o, () => 0.5);
    attempts += 1;
  }
  expect(attempts).toBeGreaterThan(20);
  expect(attempts).toBeLessThan(50);
});
it('when the next try would pass the window, it gives up', () => {
  expect(givesUp(0, 86_400_001, 86_400_000)).toBe(true);
  expect(givesUp(0, 86_400_000, 86_400_000)).toBe(false);
});
