import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personStream, ticketDecider, ticketStream, type Ticket } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { alsoGuardedBy, handleCommand } from '../../commands/handle-command';
import { PeopleDirectory } from '../../people/people-directory';
import { TicketDecisions } from '../ticket-decisions';
import { AssignTicketCommand } from './assign-ticket.command';

@CommandHandler(AssignTicketCommand)
export class AssignTicketHandler implements ICommandHandler<AssignTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ticketId, assigneeId, ctx }: AssignTicketCommand) {
    // The assignee as their stream says, read again on every attempt; the append is guarded by that
    // stream too, so a role change or erasure that lands in between fails it and the assignment is
    // decided again on the person as they are then.
    const decide = async (state: Ticket) => {
      const assignee = await this.people.personState(assigneeId);
      const decision = await this.tickets.decide(ctx, (metadata) => ({
        type: 'AssignTicket',
        data: { assigneeId, assignee: assignee.state },
        metadata,
      }))(state);
      return alsoGuardedBy(decision, { streamId: personStream(assigneeId), version: assignee.version });
    };
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
