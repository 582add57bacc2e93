import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
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
    const assignee = await this.people.person(assigneeId);
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'AssignTicket', data: { assigneeId, assignee }, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
