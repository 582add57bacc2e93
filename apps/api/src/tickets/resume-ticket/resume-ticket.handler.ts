import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { ResumeTicketCommand } from './resume-ticket.command';

/** The pause is counted by the community's business clock at the resume (TicketDecisions supplies it). */
@CommandHandler(ResumeTicketCommand)
export class ResumeTicketHandler implements ICommandHandler<ResumeTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, ctx }: ResumeTicketCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'ResumeTicket', data: {}, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
