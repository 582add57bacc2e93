import { Command } from '@nestjs/cqrs';
import type { HandoverStep } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { CompleteStepDto } from './complete-step.dto';

export class CompleteStepCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly step: HandoverStep,
    readonly details: CompleteStepDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
