import { Command } from '@nestjs/cqrs';
import type { HandoverStep } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { PlanStepDto } from './plan-step.dto';

/** Gives a step an owner and a due date; planning it again replaces both. */
export class PlanStepCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly step: HandoverStep,
    readonly plan: PlanStepDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
