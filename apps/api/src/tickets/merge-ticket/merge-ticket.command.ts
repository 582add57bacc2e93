import { Command } from '@nestjs/cqrs';
import type { ActorRef } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class MergeTicketCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly intoTicketId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The primary's half of a merge; sent by the merge handler and, after a crash, by MergeProcess. */
export class RecordDuplicateMergedCommand extends Command<CommandResult> {
  constructor(
    readonly primaryId: string,
    readonly duplicateId: string,
    readonly mergedBy: ActorRef,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
