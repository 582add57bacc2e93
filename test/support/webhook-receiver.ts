import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = Readonly<{
  /** The request's path and query, as sent (a robot's key is in it). */
  path: string;
  eventId: string;
  timestamp: string;
  signature: string;
  body: string;
  json: any;
  /** What this receiver answered (null while held or when the connection dropped). */
  answered: number | null;
  /** ms since the epoch, when the request arrived. */
  at: number;
}>;

/** Decides the answer to the n-th request (0-based): a status, optionally after a promise. */
export type Behaviour = (n: number, eventId: string) => number | Promise<number>;

/**
 * A real HTTP receiver on loopback, as a WeCom robot or a district platform would be: it records
 * every request and answers as the test tells it (fail on purpose, be slow, be down).
 */
export class WebhookReceiver {
  readonly requests: { -readonly [K in keyof Received]: Received[K] }[] = [];
  private constructor(
    private readonly server: Server,
    public behaviour: Behaviour,
  ) {}

  static async start(behaviour: Behaviour = () => 200): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, behaviour);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const entry = {
          path: req.url ?? '',
          ...headersOf(req.headers),
          body,
          json: safeJson(body),
          answered: null as number | null,
          at: Date.now(),
        };
        const n = receiver.requests.push(entry) - 1;
        const status = await receiver.behaviour(n, entry.eventId);
        if (res.destroyed) return;
        entry.answered = status;
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Requests this receiver answered 2xx, in the order they arrived. */
  get accepted(): Received[] {
    return this.requests.filter((r) => r.answered !== null && r.answered >= 200 && r.answered < 300);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's side of SPEC §9: HMAC-SHA256(secret, timestamp "." body), compared in constant time. */
export function verifies(secret: string, r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(r.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Polls until `check` holds (or throws its last failure after `ms`). */
export async function eventually<T>(check: () => T | Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function headersOf(h: IncomingHttpHeaders) {
  const one = (name: string) => String(h[name] ?? '');
  return { eventId: one('x-jinlin-event-id'), timestamp: one('x-jinlin-timestamp'), signature: one('x-jinlin-signature') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
