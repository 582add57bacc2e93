import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class ResumeTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
