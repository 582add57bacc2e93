import { Command } from '@nestjs/cqrs';
import type { FileTicket } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/**
 * What the filer says, and whom it is for (`reporterId`, when named); the ticket's id is made by
 * the handler, its community and the named person read there.
 */
export type TicketReport = Omit<FileTicket['data'], 'ticketId' | 'community' | 'reporter' | 'attachments'> & { reporterId?: string };

export class FileTicketCommand extends Command<CommandResult> {
  constructor(
    readonly report: TicketReport,
    readonly ctx: CommandContext,
    readonly attachmentIds: readonly string[] = [],
  ) {
    super();
  }
}
