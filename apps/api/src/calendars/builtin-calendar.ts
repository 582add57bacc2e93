import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { dayOfWeek, type CalendarYear } from '@jinlin/domain';

/**
 * The built-in mainland-China calendar, from chinese-days (maintained yearly from the State Council's
 * notices). The domain takes plain CalendarYear values and imports no package; this adapter is
 * the one place that reads the package. A year it does not know lists no holiday at all (every
 * real year has 元旦), so it is left out, and the domain falls back to Monday to Friday until an
 * admin sets it (PUT /calendars/cn/:year).
 */
export const BUILTIN_SEARCHED_YEARS = { from: 2004, to: 2100 } as const;

export function builtinCalendarYear(year: number): CalendarYear | null {
  // includeWeekends=false: the listed holidays (weekend days within a holiday too), not every weekend.
  const holidays = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
  if (holidays.length === 0) return null;
  return { year, holidays, workdays: weekendsOf(year).filter((date) => isWorkday(date)) };
}

function weekendsOf(year: number): string[] {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return Array.from({ length: days }, (_, i) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10)).filter((date) =>
    [0, 6].includes(dayOfWeek(date)),
  );
}

/** Every year chinese-days knows, oldest first. */
export function builtinCalendarYears(): CalendarYear[] {
  const years: CalendarYear[] = [];
  for (let year = BUILTIN_SEARCHED_YEARS.from; year <= BUILTIN_SEARCHED_YEARS.to; year++) {
    const known = builtinCalendarYear(year);
    if (known) years.push(known);
  }
  return years;
}
