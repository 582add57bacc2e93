import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Calendars } from '../calendars';
import { GetCalendarYearQuery } from './get-calendar-year.query';

/** The year as this instance applies it: what tickets filed here now get (another instance's PUT within CALENDAR_REFRESH_MS). */
@QueryHandler(GetCalendarYearQuery)
export class GetCalendarYearHandler implements IQueryHandler<GetCalendarYearQuery> {
  constructor(private readonly calendars: Calendars) {}

  async execute({ year }: GetCalendarYearQuery) {
    return { ...this.calendars.year(year), version: this.calendars.version() };
  }
}
