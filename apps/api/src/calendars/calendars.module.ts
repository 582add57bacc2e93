import { Global, Module } from '@nestjs/common';
import { Calendars } from './calendars';

/** Global: every ticket command that fixes a deadline reads the calendar in force. */
@Global()
@Module({ providers: [Calendars], exports: [Calendars] })
export class CalendarsModule {}
