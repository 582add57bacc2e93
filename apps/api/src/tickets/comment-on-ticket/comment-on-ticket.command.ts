import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class CommentOnTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly text: string,
    readonly internal: boolean,
    readonly ctx: CommandContext,
    readonly attachmentIds: readonly string[] = [],
  ) {
    super();
  }
}
