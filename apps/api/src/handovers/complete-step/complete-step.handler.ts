import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { companyStream, decideHandover, handoverDecider, handoverStream, type Handover } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { CompleteStepCommand } from './complete-step.command';

@CommandHandler(CompleteStepCommand)
export class CompleteStepHandler implements ICommandHandler<CompleteStepCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ handoverId, step, details, ctx }: CompleteStepCommand) {
    const incomingCompanyExists = details.incomingCompanyId
      ? (await this.store.readStream(companyStream(details.incomingCompanyId))).length > 0
      : undefined;
    const data = { step, ...details, incomingCompanyExists };
    const metadata = { actor: ctx.actor, now: ctx.now };
    const decide = (state: Handover) => ({ events: decideHandover({ type: 'CompleteHandoverStep', data, metadata }, state) });
    return handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
  }
}
