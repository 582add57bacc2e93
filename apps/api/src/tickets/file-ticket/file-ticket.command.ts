import { Command } from '@nestjs/cqrs';
import type { FileTicket } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** What the reporter says; the ticket's id is made by the handler, its community read there. */
export type TicketReport = Omit<FileTicket['data'], 'ticketId' | 'community'>;

export class FileTicketCommand extends Command<CommandResult> {
  constructor(
    readonly report: TicketReport,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
