import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHandover, handoverDecider, handoverStream, type Handover } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { ResolveBlockerCommand } from './resolve-blocker.command';

@CommandHandler(ResolveBlockerCommand)
export class ResolveBlockerHandler implements ICommandHandler<ResolveBlockerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ handoverId, n, note, ctx }: ResolveBlockerCommand) {
    const metadata = { actor: ctx.actor, now: ctx.now };
    const decide = (state: Handover) => ({
      events: decideHandover({ type: 'ResolveHandoverBlocker', data: { n, note }, metadata }, state),
    });
    return handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
  }
}
