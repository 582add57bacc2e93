import { randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import type { AppConfig } from '../config/app-config';
import { LeaderLoop } from '../timers/leader-loop';
import { givesUp, retryDelay } from './backoff';
import {
  activeTarget,
  dueHeads,
  givenUpButActive,
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
import { QueueListener } from './queue-listener';
import type { SelfAddressOf } from './self-address';
import { signature, WEBHOOK_HEADERS } from './signature';
import { inDeliverySpan } from '../telemetry/spans';

export type WebhookOptions = AppConfig['webhooks'];

/** A webhook's sending in progress; `again`: more was queued while it ran. */
type Lane = { again: boolean; done: Promise<void> };

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
  private readonly lanes = new Map<string, Lane>();
  private readonly targets = new Map<string, Target>();
  /** Disabled by this process: the webhooks table says so once its projection reads the event. */
  private readonly disabled = new Set<string>();
  private readonly outbound: Outbound;
  private readonly listener: QueueListener;

  constructor(
    private readonly commands: CommandBus,
    private readonly db: DataSource,
    databaseUrl: string,
    self: SelfAddressOf,
    private readonly options: WebhookOptions,
  ) {
    this.outbound = new Outbound(self, options.timeoutMs);
    this.loop = new LeaderLoop(db, 'webhook-sender', options.pollMs, () => this.turn());
    this.listener = new QueueListener(databaseUrl, () => this.loop.wake());
  }

  onApplicationBootstrap(): void {
    if (!this.options.run) return;
    this.listener.start();
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await this.loop.stop();
    await Promise.all([...this.lanes.values()].map((l) => l.done));
    await this.outbound.close();
  }

  /**
   * Disables what a crash left enabled (see givenUpButActive), then starts a lane for each webhook
   * with something due and no lane running; answers how many. The first turn of a new leader
   * therefore disables before it sends anything more to such a webhook.
   */
  private async turn(): Promise<number> {
    await this.disableGivenUp();
    let started = 0;
    for (const id of await webhooksWithDue(this.db.manager)) {
      const running = this.lanes.get(id);
      if (running) {
        running.again = true;
        continue;
      }
      const lane = { again: false, done: Promise.resolve() };
      lane.done = this.lane(id, lane).finally(() => this.lanes.delete(id));
      this.lanes.set(id, lane);
      started += 1;
    }
    return started;
  }

  /**
   * Sends what is due, a batch at a time. A batch smaller than the limit means the queue is
   * drained: the lane ends, unless a turn found more for it meanwhile (`again`), so a busy
   * webhook costs two statements per batch and an idle one none.
   */
  private async lane(webhookId: string, lane: Lane): Promise<void> {
    try {
      const target = await this.target(webhookId);
      if (!target) return;
      while (!this.loop.stopping) {
        lane.again = false;
        const heads = await dueHeads(this.db.manager, webhookId, this.options.concurrency);
        const outcomes = await Promise.all(heads.map((d) => this.deliver(target, d)));
        await recordDelivered(
          this.db.manager,
          webhookId,
          outcomes.filter((o) => o !== null),
        );
        if (heads.length < this.options.concurrency && !lane.again) return;
      }
    } catch (error) {
      this.log.error(`webhook ${webhookId}: lane failed: ${(error as Error).message}`, (error as Error).stack);
    }
  }

  private async target(webhookId: string): Promise<Target | null> {
    const known = this.targets.get(webhookId);
    if (known) return known;
    const found = await activeTarget(this.db.manager, webhookId);
    if (found) this.targets.set(webhookId, found);
    return found;
  }

  /**
   * One attempt, in a span that continues the trace of the command that appended the event; a
   * success is answered for the lane to record with the others, a failure is recorded here.
   */
  private deliver(target: Target, d: DueDelivery): Promise<{ eventId: string; status: number } | null> {
    return inDeliverySpan('webhook.deliver', d, async (span) => {
      const outcome = await this.attempt(target, d);
      span.setAttributes({
        'jinlin.webhook.id': target.id,
        'jinlin.webhook.attempt': d.attempts + 1,
        'jinlin.webhook.delivered': !!outcome,
      });
      if (outcome) span.setAttribute('http.response.status_code', outcome.status);
      else span.setStatus({ code: SpanStatusCode.ERROR, message: 'not delivered' });
      return outcome;
    });
  }

  private async attempt(target: Target, d: DueDelivery): Promise<{ eventId: string; status: number } | null> {
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
    await this.disable(target.id, d.eventId, `delivery of ${d.eventId} failed for ${this.window()}: ${error}`);
  }

  /**
   * A failed delivery whose webhook is still active: the disable that should have followed it was
   * lost. A webhook whose lane is running is left to it (its own failure disables it; if that
   * append fails, a later turn finds it here). Idempotent: the decider records nothing for a
   * webhook already disabled, as when the event is stored but its projection has not read it.
   */
  private async disableGivenUp(): Promise<void> {
    for (const g of await givenUpButActive(this.db.manager)) {
      if (this.lanes.has(g.webhookId) || this.disabled.has(g.webhookId)) continue;
      const reason = `delivery of ${g.eventId} had failed for ${this.window()}: ${g.error ?? 'failed'}`;
      // One that cannot be disabled now is tried again next turn, without holding up the others' sending.
      await this.disable(g.webhookId, g.eventId, reason).catch((error: Error) =>
        this.log.error(`webhook ${g.webhookId}: disabling failed: ${error.message}`, error.stack),
      );
    }
  }

  private async disable(webhookId: string, eventId: string, reason: string): Promise<void> {
    this.log.warn(`webhook ${webhookId} disabled: ${reason}`);
    const ctx = { actor: SYSTEM, now: new Date().toISOString(), correlationId: randomUUID() };
    await this.commands.execute(new DisableWebhookCommand(webhookId, reason, eventId, ctx));
    this.disabled.add(webhookId);
    this.targets.delete(webhookId);
    await stopPending(this.db.manager, webhookId);
  }

  private window(): string {
    return `${Math.round(this.options.retryWindowMs / 60_000)} min`;
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
