import { Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, StorageType, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { EntityManager } from 'typeorm';
import { eventId, type EventStore, type StoredEvent } from '@jinlin/event-store';
import type { Projection } from '@jinlin/projections';
import type { NatsConfig } from '../config/app-config';
import { inEventSpan, traceparentOf } from '../telemetry/spans';
import { AnonymousReporters, redacted } from './anonymous-reporters';
import { StreamCommunities, subjectToken } from './nats-subject';
import { PUBLISHED_TYPES, type PublishedEvent } from './published-events';

/**
 * What goes out: the stored event (ids and roles only, SPEC §2.1) with its id, except that on an
 * anonymous ticket the reporter is masked as the company sees it (anonymous-reporters.ts): then
 * `hash` is absent and `redacted` is true.
 */
export type PublishedMessage = Readonly<{
  id: string;
  type: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  schemaVersion: number;
  recordedAt: string;
  hash?: string;
  data: unknown;
  metadata: unknown;
  redacted?: true;
}>;

type Connected = Readonly<{ nc: NatsConnection; js: JetStreamClient }>;

/**
 * SPEC §9: every event to JetStream at `<prefix>.<communityId>.<type>`, `Nats-Msg-Id` = its id.
 * A checkpointed subscriber of the projection engine (the log is the outbox): a page is published
 * and every ack awaited before the checkpoint moves, so a crash or a NATS outage skips nothing;
 * what is published again after one carries the same Nats-Msg-Id and JetStream drops it within the
 * stream's duplicate window. Not transactional: a publish cannot join the checkpoint's
 * transaction. A page's publishes go out together on one connection, so they land in log order;
 * only a page that failed half-way and is sent again can land a repeat after a later event.
 */
export class NatsPublisher implements Projection<PublishedEvent>, OnApplicationShutdown {
  readonly name = 'nats-publisher';
  readonly handles = PUBLISHED_TYPES;
  readonly tables = [];
  readonly transactional = false;
  /** Acks since start: `duplicates` are events JetStream already had (a page sent again). */
  readonly acks = { stored: 0, duplicates: 0 };
  private connection: Promise<Connected> | null = null;
  private streamReady = false;
  private readonly communities: StreamCommunities;
  private readonly anonymous: AnonymousReporters;
  private readonly log = new Logger('nats');

  constructor(
    private readonly config: NatsConfig,
    store: EventStore,
  ) {
    this.communities = new StreamCommunities(store);
    this.anonymous = new AnonymousReporters(store);
  }

  async apply(events: readonly StoredEvent<PublishedEvent>[], _tx: EntityManager): Promise<void> {
    const { js, nc } = await this.connected();
    if (!this.streamReady) await this.ensureStream(nc);
    // In log order, so a ticket's TicketFiled names its community before its later events ask.
    // The reporters to mask likewise: a ticket's TicketFiled says whether it is anonymous.
    const subjects: string[] = [];
    const bodies: string[] = [];
    for (const event of events) {
      subjects.push(`${this.config.subjectPrefix}.${subjectToken(await this.communities.of(event))}.${event.type}`);
      bodies.push(JSON.stringify(redacted(message(event, eventId(event)), await this.anonymous.hiddenIn(event))));
    }
    const outcomes = await Promise.allSettled(events.map((event, i) => this.publish(js, event, subjects[i], bodies[i])));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) {
      // The stream may have gone (deleted by hand): look again before the retry.
      this.streamReady = false;
      throw failure.reason;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const connected = await this.connection?.catch(() => null);
    this.connection = null;
    if (connected && !connected.nc.isClosed()) await connected.nc.close();
  }

  private publish(js: JetStreamClient, event: StoredEvent, subject: string, body: string): Promise<void> {
    const id = eventId(event);
    return inEventSpan(
      'nats.publish',
      event,
      async () => {
        const h = headers();
        const traceparent = traceparentOf();
        if (traceparent) h.set('traceparent', traceparent);
        const ack = await js.publish(subject, body, {
          msgID: id,
          headers: h,
          timeout: this.config.ackTimeoutMs,
        });
        if (ack.duplicate) this.acks.duplicates += 1;
        else this.acks.stored += 1;
      },
      { 'messaging.system': 'nats', 'messaging.destination.name': subject },
    );
  }

  private connected(): Promise<Connected> {
    if (!this.connection) {
      this.connection = this.open();
      // A failed connect is tried again on the engine's next attempt at the page.
      this.connection.catch(() => (this.connection = null));
    }
    return this.connection.then((c) => {
      if (!c.nc.isClosed()) return c;
      this.connection = null;
      return this.connected();
    });
  }

  private async open(): Promise<Connected> {
    // Reconnects for ever: while NATS is down each publish times out, the page is retried, and
    // nothing moves the checkpoint past an event whose ack did not come.
    const nc = await connect({ servers: this.config.url, name: 'jinlin', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    void this.watch(nc);
    this.streamReady = false;
    return { nc, js: jetstream(nc) };
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') this.log.warn(`NATS ${status.type}: ${status.server}`);
    }
  }

  /** The stream is created when absent; one that exists is left as it was configured. */
  private async ensureStream(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc, { timeout: this.config.ackTimeoutMs });
    try {
      await jsm.streams.info(this.config.stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
      await jsm.streams.add({
        name: this.config.stream,
        subjects: [`${this.config.subjectPrefix}.>`],
        storage: StorageType.File,
        duplicate_window: nanos(this.config.duplicateWindowMs),
      });
      this.log.log(`created JetStream stream ${this.config.stream} (${this.config.subjectPrefix}.>)`);
    }
    this.streamReady = true;
  }
}

function message(event: StoredEvent, id: string): PublishedMessage & { hash: string } {
  return {
    id,
    type: event.type,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    hash: event.hash,
    data: event.data,
    metadata: event.metadata,
  };
}
