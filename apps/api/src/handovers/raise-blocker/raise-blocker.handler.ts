import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHandover, handoverDecider, handoverStream, type Handover } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { RaiseBlockerCommand, type BlockerRaised } from './raise-blocker.command';

@CommandHandler(RaiseBlockerCommand)
export class RaiseBlockerHandler implements ICommandHandler<RaiseBlockerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ handoverId, text, ctx }: RaiseBlockerCommand): Promise<BlockerRaised> {
    let n = 0;
    const decide = (state: Handover) => {
      const events = decideHandover({ type: 'RaiseHandoverBlocker', data: { text }, metadata: { actor: ctx.actor, now: ctx.now } }, state);
      for (const e of events) if (e.type === 'HandoverBlockerRaised') n = e.data.n;
      return { events };
    };
    const result = await handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
    // A replayed Idempotency-Key decides nothing: the number is then the one the stream holds.
    return { n: n || undefined, ...result };
  }
}
