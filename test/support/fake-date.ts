/** A local time in Asia/Shanghai, `YYYY-MM-DDTHH:MM`, as milliseconds since the epoch. */
export const shanghai = (local: string): number => Date.parse(`${local}:00+08:00`);

/**
 * The service's clock (requests' `now`, and tokens signed after this) starts at `local` and moves
 * on with real time: tests file tickets on a chosen day of the calendar over real HTTP. Only Date is
 * faked (the service's timers, sockets and pools keep real time); `jest.setSystemTime(shanghai(…))`
 * jumps, `jest.useRealTimers()` undoes it.
 */
export function fakeDateFrom(local: string): void {
  jest.useFakeTimers({
    now: shanghai(local),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/**
 * A deadline as expected for a ticket filed at `local`, moved by however late after `local` it
 * really was filed (milliseconds; within a minute is checked), while no boundary of working time
 * lies in between.
 */
export function lateness(local: string, filedAt: string): (expectedLocal: string) => string {
  const lateBy = Date.parse(filedAt) - shanghai(local);
  if (lateBy < 0 || lateBy >= 60_000) throw new Error(`filed ${lateBy} ms after ${local}: expected within a minute`);
  return (expectedLocal) => new Date(shanghai(expectedLocal) + lateBy).toISOString();
}
