import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class RegisterCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly companyId: string,
    readonly name: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
