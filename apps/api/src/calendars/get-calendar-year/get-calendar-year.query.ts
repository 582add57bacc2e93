import { Query } from '@nestjs/cqrs';
import type { CalendarYearInForce } from '../calendars';

export class GetCalendarYearQuery extends Query<CalendarYearInForce & { version: number }> {
  constructor(readonly year: number) {
    super();
  }
}
