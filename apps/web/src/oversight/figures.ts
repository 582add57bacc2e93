/**
 * Pure figures for the oversight screens: periods in Beijing time (every estate is on UTC+8, no
 * daylight saving), weekly windows, and the formats the joint meeting reads (SPEC §6: rates as
 * percentages with one decimal, durations in hours).
 */
const ZONE_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type Window = { from: string; to: string };

/** Midnight in Beijing of the day `at` falls on, as a UTC instant (ms). */
export function beijingMidnight(at: number): number {
  return Math.floor((at + ZONE_MS) / DAY_MS) * DAY_MS - ZONE_MS;
}

/** The last `days` Beijing calendar days up to and including today: [today − days + 1, tomorrow). */
export function lastDays(days: number, now: number): Window {
  const to = beijingMidnight(now) + DAY_MS;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month (YYYY-MM) in Beijing: [the 1st 00:00, the next month's 1st 00:00). */
export function monthWindow(month: string): Window {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month (YYYY-MM): ${month}`);
  const [year, index] = [Number(m[1]), Number(m[2]) - 1];
  return {
    from: new Date(Date.UTC(year, index, 1) - ZONE_MS).toISOString(),
    to: new Date(Date.UTC(year, index + 1, 1) - ZONE_MS).toISOString(),
  };
}

/** The month (YYYY-MM, Beijing) an instant falls in. */
export function monthOf(at: number): string {
  return new Date(at + ZONE_MS).toISOString().slice(0, 7);
}

/** The Beijing calendar day (YYYY-MM-DD) of an instant, as groupBy=day keys are. */
export function dayOf(at: number): string {
  return new Date(at + ZONE_MS).toISOString().slice(0, 10);
}

/**
 * [from, to) cut at each Monday 00:00 Beijing: the first and last windows may be shorter than a
 * week. Each window is named by its first day.
 */
export function weekWindows(window: Window): (Window & { label: string })[] {
  const [from, to] = [Date.parse(window.from), Date.parse(window.to)];
  const out: (Window & { label: string })[] = [];
  let start = from;
  while (start < to) {
    const midnight = beijingMidnight(start);
    const weekday = new Date(midnight + ZONE_MS).getUTCDay(); // 0 = Sunday
    const nextMonday = midnight + ((8 - weekday) % 7 || 7) * DAY_MS;
    const end = Math.min(nextMonday, to);
    out.push({ from: new Date(start).toISOString(), to: new Date(end).toISOString(), label: dayOf(start) });
    start = end;
  }
  return out;
}

export type DayCounts = { key: string; filed: number; withdrawn: number; backlog: number; overdue: number };

/**
 * Day groups (groupBy=day, keys YYYY-MM-DD in Beijing) summed into the given windows. Only counts
 * add up; rates do not (a week's rate is not the mean of its days'), so they are asked per window.
 */
export function bucketDays(days: readonly DayCounts[], windows: readonly Window[]): Omit<DayCounts, 'key'>[] {
  const sums = windows.map(() => ({ filed: 0, withdrawn: 0, backlog: 0, overdue: 0 }));
  for (const day of days) {
    const at = Date.parse(`${day.key}T00:00:00+08:00`);
    const i = windows.findIndex((w) => Date.parse(w.from) < at + DAY_MS && at < Date.parse(w.to));
    if (i < 0) continue;
    sums[i].filed += day.filed;
    sums[i].withdrawn += day.withdrawn;
    sums[i].backlog += day.backlog;
    sums[i].overdue += day.overdue;
  }
  return sums;
}

/** A rate 0..1 as the reports print it: one decimal and a percent sign; no denominator → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Seconds as hours with one decimal (the CSV's unit); none → "—". */
export function hours(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '—' : (seconds / 3600).toFixed(1);
}

/** A rate for a chart axis: percent as a number with one decimal, or null (a gap in the line). */
export function percentValue(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}
