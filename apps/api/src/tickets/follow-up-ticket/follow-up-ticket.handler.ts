import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { FollowUpTicketCommand } from './follow-up-ticket.command';

@CommandHandler(FollowUpTicketCommand)
export class FollowUpTicketHandler implements ICommandHandler<FollowUpTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, followUp, ctx }: FollowUpTicketCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'FollowUpTicket', data: followUp, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
