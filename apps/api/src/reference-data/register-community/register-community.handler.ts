import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { communityDecider, communityStream, companyStream, type Community } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { RegisterCommunityCommand } from './register-community.command';

@CommandHandler(RegisterCommunityCommand)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunityCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ community, ctx }: RegisterCommunityCommand) {
    const { id, households, ...rest } = community;
    // Looked up on every attempt: a retry decides on the company as it is then.
    const decide = async (state: Community) => {
      const companyExists = (await this.store.readStream(companyStream(community.propertyCompanyId))).length > 0;
      const data = { communityId: id, households: households ?? null, ...rest, companyExists };
      return { events: communityDecider.decide({ type: 'RegisterCommunity', data, metadata: { actor: ctx.actor, now: ctx.now } }, state) };
    };
    return handleCommand(this.store, communityStream(id), communityDecider, decide, { id, ctx });
  }
}
