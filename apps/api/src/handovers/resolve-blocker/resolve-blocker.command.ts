import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class ResolveBlockerCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly n: number,
    readonly note: string | null,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
