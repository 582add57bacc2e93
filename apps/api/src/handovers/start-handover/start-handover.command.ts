import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { StartHandoverDto } from './start-handover.dto';

export class StartHandoverCommand extends Command<CommandResult> {
  constructor(
    readonly handover: StartHandoverDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
