import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { RegisterPersonDto } from './register-person.dto';

export class RegisterPersonCommand extends Command<CommandResult> {
  constructor(
    readonly person: RegisterPersonDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
