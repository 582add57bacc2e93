import { Command } from '@nestjs/cqrs';
import type { DueDeadline } from '@jinlin/projections';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** Sent by the SLA timer: record that a ticket's deadline passed (or its auto-close came), if it did. */
export class RecordDeadlineCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly kind: DueDeadline['kind'],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
