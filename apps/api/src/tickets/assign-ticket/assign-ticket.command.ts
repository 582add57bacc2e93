import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class AssignTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly assigneeId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
