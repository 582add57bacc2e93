import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CALENDAR_STREAM, calendarDecider, workCalendar, type CalendarYear, type SetCalendars, type WorkCalendar } from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { builtinCalendarYears } from './builtin-calendar';

/** `GET /calendars/cn/:year`: 'none' is a year neither the package nor an admin knows (Monday to Friday). */
export type CalendarYearInForce = Readonly<{
  year: number;
  source: 'built-in' | 'set' | 'none';
  holidays: readonly string[];
  workdays: readonly string[];
  setAt?: string;
  setBy?: string;
}>;

/**
 * The mainland-China working calendar in force (SPEC §3): the package's years, each replaced by
 * the year an admin set, if any. Ticket commands ask for it on every decision (`current()`, no
 * I/O), so it is held in memory: read from the event store at start, again on this instance right
 * after a PUT, and every CALENDAR_REFRESH_MS so that another instance's PUT is in force here
 * within that time. Deadlines are fixed at filing, so a refresh moves no existing deadline.
 */
@Injectable()
export class Calendars implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('calendars');
  private readonly builtin: ReadonlyMap<number, CalendarYear> = new Map(builtinCalendarYears().map((y) => [y.year, y]));
  private set: SetCalendars = calendarDecider.initialState();
  private setVersion = 0;
  private inForce: WorkCalendar = workCalendar([...this.builtin.values()]);
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  current(): WorkCalendar {
    return this.inForce;
  }

  /** The version of the calendar stream this instance last read: what If-Match compares with. */
  version(): number {
    return this.setVersion;
  }

  year(year: number): CalendarYearInForce {
    const set = this.set.years.get(year);
    if (set) return { year, source: 'set', holidays: set.holidays, workdays: set.workdays, setAt: set.setAt, setBy: set.by.id };
    const builtin = this.builtin.get(year);
    if (builtin) return { year, source: 'built-in', holidays: builtin.holidays, workdays: builtin.workdays };
    return { year, source: 'none', holidays: [], workdays: [] };
  }

  /** At start the calendar must be read: a service that cannot read it would fix wrong deadlines. */
  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => this.refreshInBackground(), this.config.calendarRefreshMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
  }

  /** Reads the admins' years again. Two reads may overlap: one older than what is in force changes nothing. */
  async refresh(): Promise<void> {
    const { state, version } = await aggregateStream(this.store, CALENDAR_STREAM, calendarDecider);
    if (version <= this.setVersion) return;
    this.set = state;
    this.setVersion = version;
    this.inForce = workCalendar([...this.builtin.values(), ...state.years.values()]);
  }

  /** The periodic read: one at a time, and a failed one keeps the calendar in force until the next. */
  private refreshInBackground(): void {
    if (this.refreshing) return;
    this.refreshing = this.refresh()
      .catch((error: unknown) => this.log.warn(`could not re-read the calendar: ${(error as Error).message}`))
      .finally(() => (this.refreshing = null));
  }
}
