import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** Sent by the handover process once a handover completes: the incoming company now manages the community. */
export class AppointPropertyCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly communityId: string,
    readonly companyId: string,
    readonly handoverId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
