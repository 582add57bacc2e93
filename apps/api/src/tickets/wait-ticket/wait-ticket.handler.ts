import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { WaitTicketCommand } from './wait-ticket.command';

@CommandHandler(WaitTicketCommand)
export class WaitTicketHandler implements ICommandHandler<WaitTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, on, reason, ctx }: WaitTicketCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'WaitTicket', data: { on, reason }, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
