import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { webhookDecider, webhookStream, type Webhook } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { DeleteWebhookCommand } from './delete-webhook.command';

/** Once WebhookDeleted is in the log its secret is of no use: the row goes (the projection stops the queue). */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async execute({ webhookId, ctx }: DeleteWebhookCommand) {
    let secretRef: string | null = null;
    const decide = (state: Webhook) => {
      secretRef = state.secretRef;
      return { events: webhookDecider.decide({ type: 'DeleteWebhook', data: {}, metadata: { actor: ctx.actor, now: ctx.now } }, state) };
    };
    const result = await handleCommand(this.store, webhookStream(webhookId), webhookDecider, decide, { id: webhookId, ctx });
    if (secretRef) await this.db.query(`DELETE FROM wh_secrets WHERE ref = $1`, [secretRef]);
    return result;
  }
}
