import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CHANNEL } from '@jinlin/projections';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { createLogger } from '../infrastructure/logger';

const RECONNECT_MS = 500;

/**
 * Wakes the live streams of a person when the notifications projection commits something for them.
 * LISTEN/NOTIFY rather than a poll or an in-process event: the NOTIFY is sent by the projection's
 * own transaction, so it is heard exactly when the rows are visible, and on every instance (the
 * projection runs on one; the stream may be held by any). A wake carries no data: the stream reads
 * the table after its last id, so a lost or doubled NOTIFY costs nothing but a read, and each
 * stream also reads at every heartbeat in case this connection dropped one.
 */
@Injectable()
export class NotificationHub implements BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly open = new Set<() => void>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.log = createLogger(config.logLevel).child({ context: 'notification-hub' });
  }

  /** Calls `wake` whenever the person may have something new; the returned function stops it. */
  subscribe(personId: string, wake: () => void, close: () => void): () => void {
    let set = this.listeners.get(personId);
    if (!set) this.listeners.set(personId, (set = new Set()));
    set.add(wake);
    this.open.add(close);
    this.ensureConnected();
    return () => {
      set.delete(wake);
      if (set.size === 0) this.listeners.delete(personId);
      this.open.delete(close);
    };
  }

  /** Streams would hold the HTTP server open for ever: they end first, then the LISTEN connection. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    for (const close of [...this.open]) close();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined); // shutting down: a connection that fails to end is gone either way
  }

  private ensureConnected(): void {
    if (this.closed || this.client || this.connecting) return;
    this.connecting = this.connect()
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'LISTEN for notifications failed; streams fall back to their heartbeat reads');
        this.retry();
      })
      .finally(() => (this.connecting = null));
  }

  private async connect(): Promise<void> {
    const { url } = this.db.options as { url?: string };
    const client = new Client({ connectionString: url, application_name: 'jinlin-notifications' });
    client.on('notification', (msg) => {
      for (const wake of this.listeners.get(msg.payload ?? '') ?? []) wake();
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'notifications LISTEN connection failed; reconnecting');
      this.drop(client);
    });
    client.on('end', () => this.drop(client));
    await client.connect();
    await client.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    // Whatever was committed while nobody listened: every stream reads once.
    this.wakeAll();
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined); // it already failed: nothing more to do with it
    this.wakeAll();
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.reconnect || this.listeners.size === 0) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      this.ensureConnected();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private wakeAll(): void {
    for (const set of this.listeners.values()) for (const wake of set) wake();
  }
}
