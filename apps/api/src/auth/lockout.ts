/** SPEC §2.2: after 5 failures for one username within 15 minutes, sign-in for it is refused. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60 * 1000 } as const;

/**
 * Seconds until sign-in for a username opens again, or null when it is open now. It opens when the
 * window holds fewer than five failures: usually when the oldest leaves it; when more were recorded
 * (instances racing), when enough of the oldest have left.
 */
export function lockedForSeconds(failedAtMs: readonly number[], nowMs: number): number | null {
  const inWindow = failedAtMs.filter((at) => at > nowMs - LOCKOUT.windowMs).sort((a, b) => a - b);
  if (inWindow.length < LOCKOUT.failures) return null;
  const opensAt = inWindow[inWindow.length - LOCKOUT.failures] + LOCKOUT.windowMs;
  return Math.max(1, Math.ceil((opensAt - nowMs) / 1000));
}
