import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class ErasePersonalDataCommand extends Command<CommandResult> {
  constructor(
    readonly personId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
