import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { communityDecider, communityStream, type Community } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { SetWorkingHoursCommand } from './set-working-hours.command';

/** Ticket commands that cached the community meet its new version as a stale guard and read it again. */
@CommandHandler(SetWorkingHoursCommand)
export class SetWorkingHoursHandler implements ICommandHandler<SetWorkingHoursCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ communityId, hours, ctx }: SetWorkingHoursCommand) {
    const decide = (state: Community) => ({
      events: communityDecider.decide({ type: 'SetWorkingHours', data: hours, metadata: { actor: ctx.actor, now: ctx.now } }, state),
    });
    return handleCommand(this.store, communityStream(communityId), communityDecider, decide, { id: communityId, ctx });
  }
}
