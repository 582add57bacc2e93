import { EventEmitter } from 'node:events';
import { Client, type ClientConfig } from 'pg';

const CHANNEL = 'es_events';
const NOTIFY_COALESCE_MS = 5;
const RECONNECT_MS = 500;

/** Told when the LISTEN/NOTIFY connection fails; wake-ups carry on (readers poll meanwhile), so this is for the log. */
export type WakeupErrorReporter = (error: unknown, context: string) => void;

/**
 * Wake-ups for readers of the log. Appends in this process wake local readers at once; other
 * processes hear a NOTIFY sent after the commit, coalesced to one per tick under load. A lost
 * notification only delays a reader until its next poll.
 */
export class PgWakeups {
  private readonly local = new EventEmitter();
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private notifyQueued = false;
  private notifyChain: Promise<void> = Promise.resolve();
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly onError: WakeupErrorReporter = () => undefined,
  ) {
    this.local.setMaxListeners(0);
  }

  appended(): void {
    this.local.emit('appended');
    if (this.notifyQueued || this.closed) return;
    // At most one NOTIFY per few milliseconds: other processes wake a little later, and a burst of
    // appends does not turn into a burst of NOTIFY commits (each takes a server-wide lock).
    this.notifyQueued = true;
    setTimeout(() => {
      this.notifyChain = this.notifyChain
        .then(async () => {
          this.notifyQueued = false;
          const client = await this.connection();
          await client.query(`NOTIFY ${CHANNEL}`);
        })
        .catch((error: unknown) => {
          this.report(error, 'NOTIFY failed; reconnecting');
          this.reset(this.client);
        });
    }, NOTIFY_COALESCE_MS).unref();
  }

  listen(listener: () => void): () => void {
    this.local.on('appended', listener);
    this.connection().catch((error: unknown) => this.failedToConnect(error));
    return () => this.local.off('appended', listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.local.removeAllListeners();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined); // closing: a connection that fails to end cleanly is gone either way
  }

  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('wake-ups closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client(this.config);
    client.on('error', (error) => {
      this.report(error, 'LISTEN connection failed; reconnecting');
      this.reset(client);
    });
    client.on('end', () => this.reset(client));
    client.on('notification', (msg) => {
      if (msg.processId !== (client as unknown as { processID: number }).processID) this.local.emit('appended');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.closed) throw new Error('wake-ups closed');
    } catch (error) {
      await client.end().catch(() => undefined); // the caller hears why connecting failed; ending the half-open client is only tidying
      throw error;
    }
    this.client = client;
    return client;
  }

  private failedToConnect(error: unknown): void {
    this.report(error, `LISTEN connection could not be opened; retrying in ${RECONNECT_MS} ms`);
    this.reset(null);
  }

  /** After close(), failures are the expected end of the connection, not news. */
  private report(error: unknown, context: string): void {
    if (!this.closed) this.onError(error, context);
  }

  /**
   * Drops a connection that failed (only that one: a late 'end' of an old client must not close
   * its successor) and, while anyone listens, connects again: otherwise notifications from other
   * processes would stop until this one next appends.
   */
  private reset(failed: Client | null): void {
    if (failed && failed === this.client) this.client = null;
    failed?.end().catch(() => undefined); // ending a connection that already failed: nothing more to do
    // A reconnect might have missed notifications: wake everyone so they poll once.
    this.local.emit('appended');
    if (this.closed || this.reconnect || this.local.listenerCount('appended') === 0) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.closed && !this.client) this.connection().catch((error: unknown) => this.failedToConnect(error));
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
