import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class RecordActionCommand extends Command<CommandResult> {
  constructor(
    readonly ticketId: string,
    readonly description: string,
    readonly ctx: CommandContext,
    readonly attachmentIds: readonly string[] = [],
  ) {
    super();
  }
}
