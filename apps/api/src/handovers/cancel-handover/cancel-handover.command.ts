import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class CancelHandoverCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
