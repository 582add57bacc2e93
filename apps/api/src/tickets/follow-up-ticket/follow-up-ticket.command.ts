import { Command } from '@nestjs/cqrs';
import type { FollowUpTicket } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class FollowUpTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly followUp: FollowUpTicket['data'],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
