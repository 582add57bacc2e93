import { Command } from '@nestjs/cqrs';
import type { EscalationLevel } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class EscalateTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly level: EscalationLevel,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
