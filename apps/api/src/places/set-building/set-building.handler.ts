import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { communityDecider, communityStream, type Community } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { SetBuildingCommand } from './set-building.command';

/**
 * Appends to the community's stream: ticket decisions made on a copy cached before this fail
 * their append guard and decide again, and a filing refused for an unknown building on a cached
 * copy is decided once more on a fresh read (TicketDecisions).
 */
@CommandHandler(SetBuildingCommand)
export class SetBuildingHandler implements ICommandHandler<SetBuildingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ communityId, building, ctx }: SetBuildingCommand) {
    const decide = (state: Community) => ({
      events: communityDecider.decide({ type: 'SetBuilding', data: building, metadata: { actor: ctx.actor, now: ctx.now } }, state),
    });
    return handleCommand(this.store, communityStream(communityId), communityDecider, decide, { id: communityId, ctx });
  }
}
