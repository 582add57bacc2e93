import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { ChangeVisibilityCommand } from './change-visibility.command';

@CommandHandler(ChangeVisibilityCommand)
export class ChangeVisibilityHandler implements ICommandHandler<ChangeVisibilityCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
  ) {}

  execute({ ticketId, visibility, ctx }: ChangeVisibilityCommand) {
    const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'ChangeVisibility', data: { visibility }, metadata }));
    return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
  }
}
