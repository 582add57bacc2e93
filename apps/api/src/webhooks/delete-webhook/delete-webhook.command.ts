import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class DeleteWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly webhookId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
