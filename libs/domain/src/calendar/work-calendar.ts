/**
 * The mainland-China working calendar (SPEC §3): per year, the public holidays and the 调休 weekend
 * days worked in their place, as the State Council publishes them. The built-in years come from a
 * maintained package outside the domain; an admin may replace a year, because next year's schedule
 * is published late in the year. A day no year lists is worked Monday to Friday.
 */
export type CalendarYear = Readonly<{ year: number; holidays: readonly string[]; workdays: readonly string[] }>;

/** The body of `PUT /calendars/cn/:year`. */
export type CalendarYearBody = Readonly<{ holidays: readonly string[]; workdays: readonly string[] }>;

export type WorkCalendar = Readonly<{
  years: ReadonlyMap<number, CalendarYear>;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}>;

/** Years given later replace earlier ones of the same year: `workCalendar([...builtin, ...overrides])`. */
export function workCalendar(years: readonly CalendarYear[]): WorkCalendar {
  const byYear = new Map(years.map((y) => [y.year, y] as const));
  const all = [...byYear.values()];
  return {
    years: byYear,
    holidays: new Set(all.flatMap((y) => y.holidays)),
    workdays: new Set(all.flatMap((y) => y.workdays)),
  };
}

/** 0 is Sunday, 6 Saturday, as Date.getUTCDay. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** A listed workday is worked even on a weekend; a listed holiday is not; otherwise Monday to Friday. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the Gregorian calendar written YYYY-MM-DD: 2027-02-29 and 2027-13-01 are not. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const CALENDAR_YEARS = { from: 2000, to: 2100 } as const;

function listProblems(year: number, field: keyof CalendarYearBody, dates: readonly string[]): string[] {
  if (!Array.isArray(dates)) return [`${field} must be a list of dates (YYYY-MM-DD)`];
  return dates.flatMap((date, i) => {
    const at = `${field}[${i}]: ${String(date)}`;
    if (typeof date !== 'string' || !isDate(date)) return [`${at} is not a date (YYYY-MM-DD)`];
    if (!date.startsWith(`${year}-`)) return [`${at} is not in ${year}`];
    if (dates.indexOf(date) !== i) return [`${at} is listed twice`];
    return [];
  });
}

/** Every problem of an admin's calendar for `year`, each naming its field; none means it may be stored. */
export function calendarYearProblems(year: number, body: CalendarYearBody): string[] {
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to)
    return [`year must be a whole number from ${CALENDAR_YEARS.from} to ${CALENDAR_YEARS.to}`];
  const problems = [...listProblems(year, 'holidays', body.holidays), ...listProblems(year, 'workdays', body.workdays)];
  if (!Array.isArray(body.holidays) || !Array.isArray(body.workdays)) return problems;
  const holidays = new Set(body.holidays);
  body.workdays.forEach((date, i) => {
    if (holidays.has(date)) problems.push(`workdays[${i}]: ${date} is also a holiday`);
  });
  return problems;
}
