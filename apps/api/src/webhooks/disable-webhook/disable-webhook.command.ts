import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** Sent by the sender when a delivery failed for the whole retry window. */
export class DisableWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly webhookId: string,
    readonly reason: string,
    readonly eventId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
