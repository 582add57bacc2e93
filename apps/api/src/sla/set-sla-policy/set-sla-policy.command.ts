import { Command } from '@nestjs/cqrs';
import type { CategoryCode, StoredSlaPolicy } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class SetSlaPolicyCommand extends Command<CommandResult> {
  constructor(
    readonly communityId: string,
    readonly category: CategoryCode,
    readonly policy: StoredSlaPolicy,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
