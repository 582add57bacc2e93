import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { companyDecider, companyStream, type Company } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { RegisterCompanyCommand } from './register-company.command';

@CommandHandler(RegisterCompanyCommand)
export class RegisterCompanyHandler implements ICommandHandler<RegisterCompanyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ companyId, name, ctx }: RegisterCompanyCommand) {
    const decide = (state: Company) => ({
      events: companyDecider.decide(
        { type: 'RegisterCompany', data: { companyId, name }, metadata: { actor: ctx.actor, now: ctx.now } },
        state,
      ),
    });
    return handleCommand(this.store, companyStream(companyId), companyDecider, decide, { id: companyId, ctx });
  }
}
