import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class RateTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly score: number,
    readonly comment: string | null,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
