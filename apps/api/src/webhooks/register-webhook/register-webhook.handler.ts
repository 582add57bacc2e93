import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { hasRole, urlShapeProblem, webhookDecider, webhookStream, type Webhook, type WebhookLookups } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { urlRefusal } from '../outbound';
import { SELF_ADDRESS, type SelfAddressOf } from '../self-address';
import { RegisterWebhookCommand, type WebhookRequest } from './register-webhook.command';

/**
 * The secret, and the full URL (the event carries it masked: a robot's URL is its key), go into
 * wh_secrets under a fresh reference before the event that names the reference is appended; if
 * the append fails the row is removed again, so a refused registration leaves nothing behind (and
 * an id taken before keeps its own secret and URL: the reference differs). The decider judges the
 * full URL.
 */
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SELF_ADDRESS) private readonly self: SelfAddressOf,
    private readonly db: DataSource,
  ) {}

  async execute({ request, ctx }: RegisterWebhookCommand) {
    // Names are resolved only for an admin: nobody else may make the service look hosts up.
    const lookups = hasRole(ctx.actor, 'admin') ? await this.lookups(request) : { urlRefusal: null, unknownCommunities: [] };
    const secretRef = randomUUID();
    await this.db.query(`INSERT INTO wh_secrets (ref, secret, url) VALUES ($1, $2, $3)`, [secretRef, request.secret, request.url]);
    const { id, url, secret, format, events, communities } = request;
    const data = { webhookId: id, url, secret, secretRef, format, events, communities, lookups };
    const decide = (state: Webhook) => ({
      events: webhookDecider.decide({ type: 'RegisterWebhook', data, metadata: { actor: ctx.actor, now: ctx.now } }, state),
    });
    try {
      return await handleCommand(this.store, webhookStream(id), webhookDecider, decide, { id, ctx });
    } catch (error) {
      await this.db.query(`DELETE FROM wh_secrets WHERE ref = $1`, [secretRef]);
      throw error;
    }
  }

  private async lookups(r: WebhookRequest): Promise<WebhookLookups> {
    const communities = r.communities ?? [];
    const known: { id: string }[] = communities.length
      ? await this.db.query(`SELECT id FROM rm_communities WHERE id = ANY($1)`, [communities])
      : [];
    const knownIds = new Set(known.map((k) => k.id));
    return {
      urlRefusal: urlShapeProblem(r.url) ? null : await urlRefusal(r.url, this.self()),
      unknownCommunities: communities.filter((c) => !knownIds.has(c)),
    };
  }
}
