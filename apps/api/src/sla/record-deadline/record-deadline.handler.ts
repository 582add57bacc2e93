import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideTicket,
  ticketDecider,
  ticketStream,
  type SystemTicketCommand,
  type Ticket,
  type TicketCommandMetadata,
} from '@jinlin/domain';
import type { DeadlineKind } from '@jinlin/projections';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { RecordDeadlineCommand } from './record-deadline.command';

/**
 * Asks the ticket what time has made due for one row of the timer's work list; the decider
 * answers nothing when the moment has not come or was already recorded. A resolve breach carries
 * the ladder's steps already due with it in the same append (the first one is "at breach").
 */
@CommandHandler(RecordDeadlineCommand)
export class RecordDeadlineHandler implements ICommandHandler<RecordDeadlineCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ ticketId, kind, ctx }: RecordDeadlineCommand) {
    const metadata: TicketCommandMetadata = { actor: ctx.actor, now: ctx.now, managingCompanyId: null };
    const decide = (state: Ticket) => {
      const events = decideTicket(askFor(kind, metadata), state);
      if (kind !== 'resolve' || !events.length) return { events };
      const breached = events.reduce(ticketDecider.evolve, state);
      return { events: [...events, ...decideTicket({ type: 'EscalateOverdue', data: {}, metadata }, breached)] };
    };
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, { id: ticketId, ctx });
  }
}

function askFor(kind: DeadlineKind, metadata: TicketCommandMetadata): SystemTicketCommand {
  switch (kind) {
    case 'acknowledge':
    case 'resolve':
      return { type: 'BreachSla', data: { kind }, metadata };
    case 'acknowledge_warning':
      return { type: 'WarnSla', data: { kind: 'acknowledge' }, metadata };
    case 'resolve_warning':
      return { type: 'WarnSla', data: { kind: 'resolve' }, metadata };
    case 'escalation':
      return { type: 'EscalateOverdue', data: {}, metadata };
    case 'auto_close':
      return { type: 'AutoCloseTicket', data: {}, metadata };
  }
}
