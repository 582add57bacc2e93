import { Command } from '@nestjs/cqrs';
import type { CategoryCode, SlaPolicy } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class SetSlaPolicyCommand extends Command<CommandResult> {
  constructor(
    readonly communityId: string,
    readonly category: CategoryCode,
    readonly policy: SlaPolicy,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
