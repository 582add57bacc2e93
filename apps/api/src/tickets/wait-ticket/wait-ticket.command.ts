import { Command } from '@nestjs/cqrs';
import type { WaitingOn } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class WaitTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly on: WaitingOn,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
