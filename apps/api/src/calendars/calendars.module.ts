import { Global, Module } from '@nestjs/common';
import { Calendars } from './calendars';
import { GetCalendarYearController } from './get-calendar-year/get-calendar-year.controller';
import { GetCalendarYearHandler } from './get-calendar-year/get-calendar-year.handler';
import { SetCalendarYearController } from './set-calendar-year/set-calendar-year.controller';
import { SetCalendarYearHandler } from './set-calendar-year/set-calendar-year.handler';

/** Global: every ticket command that fixes a deadline reads the calendar in force. */
@Global()
@Module({
  controllers: [SetCalendarYearController, GetCalendarYearController],
  providers: [Calendars, SetCalendarYearHandler, GetCalendarYearHandler],
  exports: [Calendars],
})
export class CalendarsModule {}
