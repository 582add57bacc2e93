import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { addressRefusal, normalise, portOf, type SelfAddress } from './address-rules';

export class RefusedTarget extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'RefusedTarget';
  }
}

/**
 * The addresses a host name stands for now, each judged; one refused address refuses the name (a
 * name that answers both a public and a metadata address is an attack, not a typo). Returns the
 * first allowed address, which is the one to connect to.
 */
export async function resolveAllowed(hostname: string, port: number, self: SelfAddress): Promise<string> {
  const host = normalise(hostname);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new RefusedTarget(`host ${hostname} does not resolve`);
  }
  for (const a of addresses) {
    const why = addressRefusal(a, port, self);
    if (why) throw new RefusedTarget(why);
  }
  if (addresses.length === 0) throw new RefusedTarget(`host ${hostname} does not resolve`);
  return addresses[0];
}

/** Why this URL may not be called now, or null: what registration asks. */
export async function urlRefusal(url: string, self: SelfAddress): Promise<string | null> {
  const parsed = new URL(url);
  try {
    await resolveAllowed(parsed.hostname, portOf(parsed), self);
    return null;
  } catch (error) {
    if (error instanceof RefusedTarget) return error.why;
    throw error;
  }
}

export type PostResult = Readonly<{ status: number }>;

/**
 * Outgoing webhook requests. The connector resolves the name itself, judges the address and
 * connects to exactly that address, so a name cannot be re-pointed (DNS rebinding) between the
 * check and the connection; TLS still verifies the certificate against the name. Redirects are
 * never followed (undici's request follows none): a 3xx is a failed attempt.
 */
export class Outbound {
  private readonly agent: Agent;

  constructor(
    private readonly self: () => SelfAddress,
    private readonly timeoutMs: number,
  ) {
    const base = buildConnector({ timeout: timeoutMs });
    this.agent = new Agent({
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connections: 16,
      connect: (options, callback) => {
        const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
        resolveAllowed(options.hostname, port, this.self()).then(
          (address) => base({ ...options, hostname: address }, callback),
          (error: Error) => callback(error, null),
        );
      },
    });
  }

  /** One POST, answered or failed within the timeout whatever the receiver does. */
  async post(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
    const response = await request(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'jinlin-webhooks/1', ...headers },
      dispatcher: this.agent,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // The answer's body is not read: it is thrown away so the connection can be reused.
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { status: response.statusCode };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
