import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CALENDAR_STREAM, calendarDecider, type SetCalendars } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { Calendars } from '../calendars';
import { SetCalendarYearCommand } from './set-calendar-year.command';

@CommandHandler(SetCalendarYearCommand)
export class SetCalendarYearHandler implements ICommandHandler<SetCalendarYearCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly calendars: Calendars,
  ) {}

  async execute({ year, body, ctx }: SetCalendarYearCommand) {
    const decide = (state: SetCalendars) => ({
      events: calendarDecider.decide(
        { type: 'SetCalendarYear', data: { year, ...body }, metadata: { actor: ctx.actor, now: ctx.now } },
        state,
      ),
    });
    const result = await handleCommand(this.store, CALENDAR_STREAM, calendarDecider, decide, { id: `cn-${year}`, ctx });
    // In force here before the answer: the next ticket this instance files already uses it.
    await this.calendars.refresh();
    return result;
  }
}
