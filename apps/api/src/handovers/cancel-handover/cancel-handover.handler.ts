import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHandover, handoverDecider, handoverStream, type Handover } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { CancelHandoverCommand } from './cancel-handover.command';

@CommandHandler(CancelHandoverCommand)
export class CancelHandoverHandler implements ICommandHandler<CancelHandoverCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ handoverId, reason, ctx }: CancelHandoverCommand) {
    const metadata = { actor: ctx.actor, now: ctx.now };
    const decide = (state: Handover) => ({ events: decideHandover({ type: 'CancelHandover', data: { reason }, metadata }, state) });
    return handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
  }
}
