import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { WithdrawTicketCommand } from './withdraw-ticket.command';

@CommandHandler(WithdrawTicketCommand)
export class WithdrawTicketHandler implements ICommandHandler<WithdrawTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, reason, ctx }: WithdrawTicketCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'WithdrawTicket', data: { reason }, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
