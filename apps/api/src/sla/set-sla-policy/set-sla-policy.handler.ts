import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { communityDecider, communityStream, type Community } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { SetSlaPolicyCommand } from './set-sla-policy.command';

@CommandHandler(SetSlaPolicyCommand)
export class SetSlaPolicyHandler implements ICommandHandler<SetSlaPolicyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ communityId, category, policy, ctx }: SetSlaPolicyCommand) {
    const decide = (state: Community) => ({
      events: communityDecider.decide(
        { type: 'SetSlaPolicy', data: { category, policy }, metadata: { actor: ctx.actor, now: ctx.now } },
        state,
      ),
    });
    return handleCommand(this.store, communityStream(communityId), communityDecider, decide, { id: communityId, ctx });
  }
}
