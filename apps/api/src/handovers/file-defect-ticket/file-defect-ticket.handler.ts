import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  communityDecider,
  communityStream,
  decideTicket,
  DEFAULT_WORKING_HOURS,
  ticketDecider,
  ticketStream,
  type Ticket,
} from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { Calendars } from '../../calendars/calendars';
import { handleCommand } from '../../commands/handle-command';
import { defectTicketId } from './defect-ticket-id';
import { FileDefectTicketCommand } from './file-defect-ticket.command';

/**
 * Files the defect through the ticket decider's own FileTicket, like any filer: the ticket belongs
 * to whichever company the community's events say manages it now (the incoming one, appointed
 * first), and its reporter is what the decider makes of a system filer that names none.
 */
@CommandHandler(FileDefectTicketCommand)
export class FileDefectTicketHandler implements ICommandHandler<FileDefectTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly calendars: Calendars,
  ) {}

  execute({ handoverId, communityId, defect, ctx }: FileDefectTicketCommand) {
    const ticketId = defectTicketId(handoverId, defect.n);
    const decide = async (state: Ticket) => {
      if (state.exists) return { events: [] };
      const streamId = communityStream(communityId);
      const { state: community, version } = await aggregateStream(this.store, streamId, communityDecider);
      const data = {
        ticketId,
        communityId,
        category: 'facilities' as const,
        title: defect.title,
        description: defect.description,
        location: null,
        channel: 'walk_in' as const,
        community,
      };
      // Its deadlines run by the community's working hours and the calendar in force, as any ticket's.
      const hours = (community.exists && community.workingHours) || DEFAULT_WORKING_HOURS;
      const businessClock = { hours, calendar: this.calendars.current() };
      const events = decideTicket({ type: 'FileTicket', data, metadata: { actor: ctx.actor, now: ctx.now, businessClock } }, state);
      return { events, guard: { streamId, version } };
    };
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, { id: ticketId, ctx });
  }
}
