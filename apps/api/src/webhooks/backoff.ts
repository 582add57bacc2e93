export type BackoffOptions = Readonly<{ baseMs: number; maxDelayMs: number }>;

/**
 * The wait before attempt `failures + 1`: base·2^(failures−1), capped, with "equal jitter" (half
 * fixed, half random), so receivers that failed together do not come back in one wave, and no
 * wait is ever shorter than half its step. With base 10 s and cap 1 h, 24 h is about 30 tries.
 */
export function retryDelay(failures: number, o: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(o.maxDelayMs, o.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 40)));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Give up once the next try would come after the window from the first attempt (SPEC §9: 24 h). */
export const givesUp = (firstAttemptMs: number, nextAttemptMs: number, windowMs: number): boolean =>
  nextAttemptMs - firstAttemptMs > windowMs;
