import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { WEBHOOK_QUEUE_CHANNEL } from '@jinlin/projections';

/**
 * LISTEN for the projection's NOTIFY (sent when deliveries were queued, on commit): the sender
 * wakes at once, on whichever instance leads, instead of at its next poll. A lost connection is
 * retried each second; meanwhile the poll still finds everything.
 */
export class QueueListener {
  private readonly log = new Logger('webhooks');
  private client: Client | null = null;
  private stopped = true;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly onQueued: () => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'jinlin-webhooks-listen' });
    client.on('notification', () => this.onQueued());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${WEBHOOK_QUEUE_CHANNEL}`);
      this.client = client;
      if (this.stopped) await this.stop();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (error) this.log.warn(`LISTEN connection lost (${error.message}); polling until it is back`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1000);
  }
}
