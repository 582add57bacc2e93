import { Command } from '@nestjs/cqrs';
import type { SetBuilding } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class SetBuildingCommand extends Command<CommandResult> {
  constructor(
    readonly communityId: string,
    readonly building: SetBuilding['data'],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
