import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { UpdatePersonDto } from './update-person.dto';

export class UpdatePersonCommand extends Command<CommandResult> {
  constructor(
    readonly personId: string,
    readonly change: UpdatePersonDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
