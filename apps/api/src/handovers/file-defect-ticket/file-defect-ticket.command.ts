import { Command } from '@nestjs/cqrs';
import type { DefectReport } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/**
 * Sent by the handover process for each defect recorded at facilities_inspection, once the incoming
 * company manages the community. A defect already filed answers with no event (position 0).
 */
export class FileDefectTicketCommand extends Command<CommandResult> {
  constructor(
    readonly handoverId: string,
    readonly communityId: string,
    readonly defect: DefectReport,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
