import { Command } from '@nestjs/cqrs';
import type { Visibility } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class ChangeVisibilityCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly visibility: Visibility,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
