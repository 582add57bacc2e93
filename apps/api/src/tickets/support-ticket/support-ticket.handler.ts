import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { SupportTicketCommand } from './support-ticket.command';

@CommandHandler(SupportTicketCommand)
export class SupportTicketHandler implements ICommandHandler<SupportTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, ctx }: SupportTicketCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'SupportTicket', data: {}, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
