import { randomUUID } from 'node:crypto';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import type { ProjectionEngine, WebhooksProjection } from '@jinlin/projections';
import type { AppConfig } from '../config/app-config';
import { LeaderLoop } from '../timers/leader-loop';
import { givesUp, retryDelay } from './backoff';
import {
  activeTarget,
  dueHeads,
  recordDelivered,
  recordFailed,
  stopPending,
  webhooksWithDue,
  type DueDelivery,
  type Target,
} from './delivery-queue';
import { DisableWebhookCommand } from './disable-webhook/disable-webhook.command';
import { renderBody } from './formats';
import { Outbound, RefusedTarget } from './outbound';
import type { SelfAddressOf } from './self-address';
import { signature, WEBHOOK_HEADERS } from './signature';

export type WebhookOptions = AppConfig['webhooks'];

const SYSTEM: Principal = { id: 'system', roles: ['admin'], communities: [] };

/**
 * Sends the delivery log's due rows. One instance sends (a leader loop: a delivery is never sent
 * by two instances at once, and a dead leader's rows are taken over as they stand). Each webhook
 * has a lane of its own that sends up to `concurrency` deliveries at a time, each of another
 * ticket, so a slow or dead receiver holds back only itself, and within one ticket the events go
 * in order. A crash between sending and recording means the delivery is sent again: at least
 * once, with the same X-Jinlin-Event-Id.
 */
export class WebhookSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('webhooks');
  private readonly loop: LeaderLoop<number>;
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly outbound: Outbound;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly commands: CommandBus,
    private readonly db: DataSource,
    private readonly engine: ProjectionEngine,
    self: SelfAddressOf,
    private readonly options: WebhookOptions,
  ) {
    this.outbound = new Outbound(self, options.timeoutMs);
    this.loop = new LeaderLoop(db, 'webhook-sender', options.pollMs, () => this.turn());
  }

  onApplicationBootstrap(): void {
    if (!this.options.run) return;
    // Rows just queued are committed a moment after the projection says so: look then, not at the next poll.
    this.unsubscribe = this.engine.find<WebhooksProjection>('webhooks')?.onQueued(() => setTimeout(() => this.loop.wake(), 5)) ?? null;
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.loop.stop();
    await Promise.all(this.lanes.values());
    await this.outbound.close();
  }

  /** Starts a lane for each webhook with something due and no lane running; answers how many. */
  private async turn(): Promise<number> {
    let started = 0;
    for (const id of await webhooksWithDue(this.db.manager)) {
      if (this.lanes.has(id)) continue;
      this.lanes.set(
        id,
        this.lane(id).finally(() => this.lanes.delete(id)),
      );
      started += 1;
    }
    return started;
  }

  private async lane(webhookId: string): Promise<void> {
    try {
      while (!this.loop.stopping) {
        const target = await activeTarget(this.db.manager, webhookId);
        if (!target) return;
        const heads = await dueHeads(this.db.manager, webhookId, this.options.concurrency);
        if (heads.length === 0) return;
        const outcomes = await Promise.all(heads.map((d) => this.deliver(target, d)));
        await recordDelivered(
          this.db.manager,
          webhookId,
          outcomes.filter((o) => o !== null),
        );
      }
    } catch (error) {
      this.log.error(`webhook ${webhookId}: lane failed: ${(error as Error).message}`, (error as Error).stack);
    }
  }

  /** One attempt; a success is answered for the lane to record with the others, a failure is recorded here. */
  private async deliver(target: Target, d: DueDelivery): Promise<{ eventId: string; status: number } | null> {
    const body = renderBody(target.format, d.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      [WEBHOOK_HEADERS.eventId]: d.eventId,
      [WEBHOOK_HEADERS.timestamp]: timestamp,
      [WEBHOOK_HEADERS.signature]: signature(target.secret, timestamp, body),
    };
    let status: number | null = null;
    let error: string;
    try {
      status = (await this.outbound.post(target.url, body, headers)).status;
      if (status >= 200 && status < 300) return { eventId: d.eventId, status };
      error = `HTTP ${status}`;
    } catch (e) {
      error = describe(e);
    }
    await this.failed(target, d, status, error);
    return null;
  }

  private async failed(target: Target, d: DueDelivery, status: number | null, error: string): Promise<void> {
    const retryInMs = retryDelay(d.attempts + 1, { baseMs: this.options.retryBaseMs, maxDelayMs: this.options.retryMaxDelayMs });
    const first = d.firstAttemptAt?.getTime() ?? Date.now();
    if (!givesUp(first, Date.now() + retryInMs, this.options.retryWindowMs)) {
      return recordFailed(this.db.manager, target.id, d.eventId, { status, error, retryInMs });
    }
    await recordFailed(this.db.manager, target.id, d.eventId, { status, error, retryInMs: null });
    const reason = `delivery of ${d.eventId} failed for ${Math.round(this.options.retryWindowMs / 60_000)} min: ${error}`;
    this.log.warn(`webhook ${target.id} disabled: ${reason}`);
    const ctx = { actor: SYSTEM, now: new Date().toISOString(), correlationId: randomUUID() };
    await this.commands.execute(new DisableWebhookCommand(target.id, reason, d.eventId, ctx));
    await stopPending(this.db.manager, target.id);
  }
}

/** The delivery log's last_error: what went wrong, in a line. */
function describe(error: unknown): string {
  if (error instanceof RefusedTarget) return `refused: ${error.why}`;
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  const code = e?.code ?? e?.cause?.code;
  return [code, e?.cause?.message ?? e?.message].filter(Boolean).join(': ') || String(error);
}
