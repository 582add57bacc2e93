import { isWorkingDay, type WorkCalendar } from './work-calendar';
import { minuteOfDay, workingHoursProblems, type WorkingHours } from './working-hours';

/**
 * Business minutes: time that runs only within the working hours of working days, in Asia/Shanghai.
 * Shanghai has kept UTC+8 without summer time since 1991, so a local day is plain offset arithmetic.
 *
 * Working time is each working day's closed interval [start, end]: 17:30 itself is working time, so a
 * deadline may fall on the closing minute, and one more minute carries over to the next working
 * day's start. Time outside working time does not count: a ticket filed at 20:00, on a holiday or
 * before opening starts its clock at the next working start. Hence adding 0 minutes gives
 * `nextWorkingInstant` — the instant itself when it is working time — and never an instant outside
 * working time. Instants go in as ISO strings with an offset (`Z` or `+08:00`) and come out in UTC
 * (`toISOString`), like every timestamp in the events. Each step is one working day, so a year of
 * business minutes (MAX_SLA_MINUTES) is some thousand steps.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

type Clock = Readonly<{ open: number; close: number; calendar: WorkCalendar }>;

function clockOf(hours: WorkingHours, calendar: WorkCalendar): Clock {
  const problems = workingHoursProblems(hours);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return { open: minuteOfDay(hours.start) * MINUTE_MS, close: minuteOfDay(hours.end) * MINUTE_MS, calendar };
}

function toMs(instant: string): number {
  const ms = Date.parse(instant);
  // Without an offset, Date.parse would read the server's own time zone.
  if (!WITH_OFFSET.test(instant) || Number.isNaN(ms)) throw new RangeError(`${instant} is not an instant with an offset`);
  return ms;
}

const shanghaiDay = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
const dayStartMs = (day: number) => day * DAY_MS - SHANGHAI_OFFSET_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The working span [open, close] of a local day, or null when the day is not worked. */
function span(day: number, clock: Clock): { open: number; close: number } | null {
  if (!isWorkingDay(clock.calendar, dateOf(day))) return null;
  return { open: dayStartMs(day) + clock.open, close: dayStartMs(day) + clock.close };
}

function nextWorkingMs(ms: number, clock: Clock): number {
  for (let day = shanghaiDay(ms); ; day++) {
    const s = span(day, clock);
    if (s && ms <= s.close) return Math.max(ms, s.open);
  }
}

export function isWorkingInstant(instant: string, hours: WorkingHours, calendar: WorkCalendar): boolean {
  const ms = toMs(instant);
  return nextWorkingMs(ms, clockOf(hours, calendar)) === ms;
}

/** The instant itself when it is working time, else the start of the next working day. */
export function nextWorkingInstant(instant: string, hours: WorkingHours, calendar: WorkCalendar): string {
  return new Date(nextWorkingMs(toMs(instant), clockOf(hours, calendar))).toISOString();
}

/** The instant `minutes` (a whole number ≥ 0) business minutes after `instant`; see the top of the file for 0. */
export function addBusinessMinutes(instant: string, minutes: number, hours: WorkingHours, calendar: WorkCalendar): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`${minutes} is not a whole number of minutes ≥ 0`);
  const clock = clockOf(hours, calendar);
  let at = nextWorkingMs(toMs(instant), clock);
  let left = minutes * MINUTE_MS;
  for (;;) {
    const close = dayStartMs(shanghaiDay(at)) + clock.close;
    if (left <= close - at) return new Date(at + left).toISOString();
    left -= close - at;
    at = nextWorkingMs(close + 1, clock);
  }
}

/**
 * The business minutes from `from` to `to` (fractional when the instants have seconds), negative when
 * `to` is earlier: so a deadline's elapsed share and how long it is overdue come from one function.
 */
export function businessMinutesBetween(from: string, to: string, hours: WorkingHours, calendar: WorkCalendar): number {
  const clock = clockOf(hours, calendar);
  const a = toMs(from);
  const b = toMs(to);
  if (b < a) return 0 - businessMinutesBetween(to, from, hours, calendar); // 0 - x: never -0
  let ms = 0;
  for (let day = shanghaiDay(a); day <= shanghaiDay(b); day++) {
    const s = span(day, clock);
    if (s) ms += Math.max(0, Math.min(b, s.close) - Math.max(a, s.open));
  }
  return ms / MINUTE_MS;
}
