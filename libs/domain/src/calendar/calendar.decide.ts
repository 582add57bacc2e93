import type { Command, Event } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole, type ActorRef } from '../shared/principal';
import { calendarYearProblems, type CalendarYear, type CalendarYearBody } from './work-calendar';

/**
 * One stream holds every year an admin set (SPEC §3, `PUT /calendars/cn/:year`). Each instance of
 * the service reads it whole at start and again every few seconds: one indexed read of a stream
 * that gains an event or two a year, on either event store. A stream per year would leave the
 * service no way to learn which years were set but to scan the whole log. The price: If-Match
 * names the version of the calendar, not of the year, so a change to another year makes it stale.
 */
export const CALENDAR_STREAM = 'calendar-cn';

/** The whole year as the admin gave it, dates sorted: it replaces the built-in year, not a part of it. */
export type CalendarYearSet = Event<
  'CalendarYearSet',
  { year: number; holidays: readonly string[]; workdays: readonly string[]; setAt: string; by: ActorRef }
>;
export type CalendarEvent = CalendarYearSet;

export type SetCalendarYear = Command<'SetCalendarYear', CalendarYearBody & { year: number }>;
export type CalendarCommand = SetCalendarYear;

export type SetCalendarYearState = CalendarYear & Readonly<{ setAt: string; by: ActorRef }>;
/** The years admins set, by year; the built-in years are not here (they come from a package). */
export type SetCalendars = Readonly<{ years: ReadonlyMap<number, SetCalendarYearState> }>;

const sameDates = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((date, i) => date === b[i]);

export const calendarDecider = {
  initialState: (): SetCalendars => ({ years: new Map() }),
  evolve(state: SetCalendars, event: CalendarEvent): SetCalendars {
    switch (event.type) {
      case 'CalendarYearSet': {
        const { year, holidays, workdays, setAt, by } = event.data;
        return { years: new Map(state.years).set(year, { year, holidays, workdays, setAt, by }) };
      }
      default:
        return state;
    }
  },
  /** A PUT: the same year again, in any order, appends nothing. */
  decide(command: CalendarCommand, state: SetCalendars): CalendarEvent[] {
    const { actor, now } = command.metadata;
    if (!hasRole(actor, 'admin')) throw new DomainError('ADMIN_ONLY', 'calendars');
    const { year, holidays, workdays } = command.data;
    const problems = calendarYearProblems(year, { holidays, workdays });
    if (problems.length > 0) throw new DomainError('CALENDAR_YEAR_INVALID', problems.join('; '));
    const dates = { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
    const before = state.years.get(year);
    if (before && sameDates(before.holidays, dates.holidays) && sameDates(before.workdays, dates.workdays)) return [];
    return [{ type: 'CalendarYearSet', data: { year, ...dates, setAt: now, by: actorRef(actor) } }];
  },
};
