import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { communityDecider, communityStream, type Community } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { AppointPropertyCompanyCommand } from './appoint-property-company.command';

@CommandHandler(AppointPropertyCompanyCommand)
export class AppointPropertyCompanyHandler implements ICommandHandler<AppointPropertyCompanyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ communityId, companyId, handoverId, ctx }: AppointPropertyCompanyCommand) {
    const command = {
      type: 'AppointPropertyCompany' as const,
      data: { companyId, handoverId },
      metadata: { actor: ctx.actor, now: ctx.now },
    };
    const decide = (state: Community) => ({ events: communityDecider.decide(command, state) });
    return handleCommand(this.store, communityStream(communityId), communityDecider, decide, { id: communityId, ctx });
  }
}
