import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** Completing appends HandoverCompleted; the handover process then appoints the company and moves the tickets. */
export class CompleteHandoverCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
