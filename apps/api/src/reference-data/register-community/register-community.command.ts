import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';
import type { RegisterCommunityDto } from './register-community.dto';

export class RegisterCommunityCommand extends Command<CommandResult> {
  constructor(
    readonly community: RegisterCommunityDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
