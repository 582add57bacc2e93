import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHandover, handoverDecider, handoverStream, personStream, type Handover } from '@jinlin/domain';
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
    const metadata = { actor: ctx.actor, now: ctx.now };
    // The owner as their stream says, read again on every attempt and guarding the append (a role
    // change or erasure in between fails it, and the plan is decided again); the decider judges
    // whether they may own the step.
    const decide = async (state: Handover) => {
      const owner = await this.people.personState(plan.ownerId);
      const data = { step, ownerId: plan.ownerId, due: plan.due, owner: owner.state };
      return {
        events: decideHandover({ type: 'PlanHandoverStep', data, metadata }, state),
        guard: { streamId: personStream(plan.ownerId), version: owner.version },
      };
    };
    return handleCommand(this.store, handoverStream(handoverId), handoverDecider, decide, { id: handoverId, ctx });
  }
}
