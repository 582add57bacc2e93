import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideTicket, ticketDecider, ticketStream, type SystemTicketCommand, type Ticket } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { RecordDeadlineCommand } from './record-deadline.command';

/** At most one event per deadline: the decider answers nothing when the moment has not come or was already recorded. */
@CommandHandler(RecordDeadlineCommand)
export class RecordDeadlineHandler implements ICommandHandler<RecordDeadlineCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ ticketId, kind, ctx }: RecordDeadlineCommand) {
    const metadata = { actor: ctx.actor, now: ctx.now, managingCompanyId: null };
    const command: SystemTicketCommand =
      kind === 'auto_close' ? { type: 'AutoCloseTicket', data: {}, metadata } : { type: 'BreachSla', data: { kind }, metadata };
    const decide = (state: Ticket) => ({ events: decideTicket(command, state) });
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, { id: ticketId, ctx });
  }
}
