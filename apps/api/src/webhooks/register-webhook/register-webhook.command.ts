import { Command } from '@nestjs/cqrs';
import type { WebhookFormat } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export type WebhookRequest = Readonly<{
  id: string;
  url: string;
  secret: string;
  format: WebhookFormat;
  events: readonly string[] | null;
  communities: readonly string[] | null;
}>;

export class RegisterWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly request: WebhookRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
