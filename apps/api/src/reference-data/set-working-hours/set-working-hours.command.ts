import { Command } from '@nestjs/cqrs';
import type { WorkingHours } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class SetWorkingHoursCommand extends Command<CommandResult> {
  constructor(
    readonly communityId: string,
    readonly hours: WorkingHours,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
