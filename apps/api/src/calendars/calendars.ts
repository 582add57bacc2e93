import { Injectable } from '@nestjs/common';
import { workCalendar, type WorkCalendar } from '@jinlin/domain';
import { builtinCalendarYears } from './builtin-calendar';

/**
 * The mainland-China working calendar in force (SPEC §3), for the ticket commands that fix or push
 * back business deadlines. Built once from the package's years.
 */
@Injectable()
export class Calendars {
  private readonly builtin = workCalendar(builtinCalendarYears());

  current(): WorkCalendar {
    return this.builtin;
  }
}
