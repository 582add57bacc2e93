import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStream, type Webhook } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { DisableWebhookCommand } from './disable-webhook.command';

@CommandHandler(DisableWebhookCommand)
export class DisableWebhookHandler implements ICommandHandler<DisableWebhookCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ webhookId, reason, eventId, ctx }: DisableWebhookCommand) {
    const decide = (state: Webhook) => ({
      events: webhookDecider.decide(
        { type: 'DisableWebhook', data: { reason, eventId }, metadata: { actor: ctx.actor, now: ctx.now } },
        state,
      ),
    });
    return handleCommand(this.store, webhookStream(webhookId), webhookDecider, decide, { id: webhookId, ctx });
  }
}
