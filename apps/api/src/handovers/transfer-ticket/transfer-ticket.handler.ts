import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideTicket, ticketDecider, ticketStream, type Ticket } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TransferTicketCommand } from './transfer-ticket.command';

@CommandHandler(TransferTicketCommand)
export class TransferTicketHandler implements ICommandHandler<TransferTicketCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ ticketId, fromCompanyId, toCompanyId, handoverId, ctx }: TransferTicketCommand) {
    const data = { fromCompanyId, toCompanyId, handoverId };
    const metadata = { actor: ctx.actor, now: ctx.now, managingCompanyId: toCompanyId };
    const decide = (state: Ticket) => ({ events: decideTicket({ type: 'TransferTicket', data, metadata }, state) });
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, { id: ticketId, ctx });
  }
}
