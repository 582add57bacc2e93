import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  communityDecider,
  communityStream,
  decideHandover,
  handoverDecider,
  handoverId,
  handoverStream,
  type Handover,
} from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { StartHandoverCommand } from './start-handover.command';

@CommandHandler(StartHandoverCommand)
export class StartHandoverHandler implements ICommandHandler<StartHandoverCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ handover, ctx }: StartHandoverCommand) {
    const [next, previousHandoverActive] = await this.nextNumber(handover.communityId);
    const { state: c } = await aggregateStream(this.store, communityStream(handover.communityId), communityDecider);
    const community = { exists: c.exists, propertyCompanyId: c.exists ? c.propertyCompanyId : null, previousHandoverActive };
    const id = handoverId(handover.communityId, next);
    const data = { handoverId: id, ...handover, community };
    const decide = (state: Handover) => ({
      events: decideHandover({ type: 'StartHandover', data, metadata: { actor: ctx.actor, now: ctx.now } }, state),
    });
    return handleCommand(this.store, handoverStream(id), handoverDecider, decide, { id, ctx });
  }

  /** Handovers are numbered per community; racing starts meet on the same new stream. */
  private async nextNumber(communityId: string): Promise<[number, boolean]> {
    let active = false;
    for (let n = 1; ; n++) {
      const { state, version } = await aggregateStream(this.store, handoverStream(handoverId(communityId, n)), handoverDecider);
      if (version === 0) return [n, active];
      active = state.exists && state.status === 'active';
    }
  }
}
