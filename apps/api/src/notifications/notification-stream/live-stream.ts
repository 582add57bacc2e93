import type { ServerResponse } from 'node:http';
import type { EntityManager } from 'typeorm';
import { notificationsAfter } from '@jinlin/projections';

const PAGE = 100;

export type LiveStreamOptions = Readonly<{
  personId: string;
  /** The last notification id the client has: it gets every one after it. */
  after: string;
  heartbeatMs: number;
  db: EntityManager;
  /** false ends the stream: the session behind it ended (sign-out, expiry, erasure). */
  stillSignedIn: () => Promise<boolean>;
  onError: (error: unknown) => void;
}>;

/**
 * One client's Server-Sent Events: every notification of the person after `after`, oldest first,
 * each as `id: <notification id>` so that a client reconnecting with Last-Event-ID gets exactly
 * what it missed. Reads are serialised (one at a time, a wake during a read reads again after it),
 * so each id is sent once and in order.
 */
export class LiveStream {
  private last: string;
  private reading: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly options: LiveStreamOptions,
  ) {
    this.last = options.after;
    // A comment every beat keeps proxies from closing a quiet stream, and reads once in case a wake was lost.
    this.heartbeat = setInterval(() => void this.beat(), options.heartbeatMs);
    res.on('close', () => this.close());
    res.on('error', () => this.close());
  }

  wake(): void {
    if (this.closed) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.res.end();
  }

  private async read(): Promise<void> {
    try {
      for (;;) {
        const page = await notificationsAfter(this.options.db, this.options.personId, this.last, PAGE);
        if (this.closed) return;
        for (const n of page) {
          this.res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
          this.last = n.id;
        }
        if (page.length < PAGE) return;
      }
    } catch (error) {
      // The database may be away for a moment: the next beat reads again.
      this.options.onError(error);
    }
  }

  private async beat(): Promise<void> {
    if (this.closed) return;
    if (!(await this.options.stillSignedIn().catch(() => true))) return this.close();
    if (this.closed) return;
    this.res.write(': heartbeat\n\n');
    this.wake();
  }
}
