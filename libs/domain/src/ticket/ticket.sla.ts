import { addBusinessMinutes, businessMinutesBetween } from '../calendar/business-time';
import { workCalendar } from '../calendar/work-calendar';
import { DEFAULT_WORKING_HOURS } from '../calendar/working-hours';
import type { SlaClock, SlaPolicy } from '../catalogue/categories';
import { addMinutes } from '../shared/command';
import type { BusinessClock } from './ticket.commands';

/** What business minutes mean when a caller gives no clock: 08:30–17:30, Monday to Friday. */
export const MONDAY_TO_FRIDAY: BusinessClock = { hours: DEFAULT_WORKING_HOURS, calendar: workCalendar([]) };

/** The instant `minutes` after `from` by the policy's clock (SPEC §4.9). */
export function dueAfter(from: string, minutes: number, clock: SlaClock, business: BusinessClock): string {
  return clock === 'continuous' ? addMinutes(from, minutes) : addBusinessMinutes(from, minutes, business.hours, business.calendar);
}

export type FilingDeadlines = Readonly<{
  acknowledgeBy: string;
  resolveBy: string;
  warnAt: Readonly<{ acknowledge: string; resolve: string }>;
}>;

/** The deadlines a ticket filed at `now` gets, fixed then (a later policy or calendar change moves none). */
export function deadlinesAtFiling(now: string, sla: SlaPolicy, business: BusinessClock): FilingDeadlines {
  const due = (minutes: number) => dueAfter(now, minutes, sla.clock, business);
  const warn = (minutes: number) => due(Math.floor((minutes * sla.warnAtPercent) / 100));
  return {
    acknowledgeBy: due(sla.acknowledgeWithinMinutes),
    resolveBy: due(sla.resolveWithinMinutes),
    warnAt: { acknowledge: warn(sla.acknowledgeWithinMinutes), resolve: warn(sla.resolveWithinMinutes) },
  };
}

/**
 * `instant` pushed back by the wait from `since` to `until`, counted by the deadline's own clock:
 * every second of it around the clock, or only its business minutes (a wait over a weekend pushes
 * a business deadline back by nothing for the weekend). Whole minutes for business time, rounded.
 */
export function pushedBack(instant: string, since: string, until: string, clock: SlaClock, business: BusinessClock): string {
  if (clock === 'continuous') return new Date(Date.parse(instant) + Math.max(0, Date.parse(until) - Date.parse(since))).toISOString();
  const paused = Math.round(Math.max(0, businessMinutesBetween(since, until, business.hours, business.calendar)));
  return paused === 0 ? instant : addBusinessMinutes(instant, paused, business.hours, business.calendar);
}
