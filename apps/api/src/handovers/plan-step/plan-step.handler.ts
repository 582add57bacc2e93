import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHandover, handoverDecider, handoverStream, type Handover } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { PeopleDirectory } from '../../people/people-directory';
import { PlanStepCommand } from './plan-step.command';

@CommandHandler(PlanStepCommand)
export class PlanStepHandler implements ICommandHandler<PlanStepCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ handoverId, step, plan, ctx }: PlanStepCommand) {
    // The owner as their stream says; the decider judges whether they may own the step.
    const owner = await this.people.person(plan.ownerId);
    const data = { step, ownerId: plan.ownerId, due: plan.due, owner };
    const metadata = { actor: ctx.actor, now: ctx.now };
    const decide = (state: Handover) => ({ events: decideHandover({ type: 'PlanHandoverStep', data, metadata }, state) });
    return handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
  }
}
