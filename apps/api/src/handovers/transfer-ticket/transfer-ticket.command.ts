import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/**
 * Sent by the handover process for each ticket the outgoing company still holds. A ticket already
 * transferred answers with no event (position 0), so sending it again moves nothing twice.
 */
export class TransferTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly fromCompanyId: string,
    readonly toCompanyId: string,
    readonly handoverId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
