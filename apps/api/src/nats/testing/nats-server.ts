import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/** The machine's NATS, which .ci/run starts when it is down; tests that need it fail without it. */
export const MACHINE_NATS = 'nats://127.0.0.1:4222';
export const NATS_SERVER = '/usr/sbin/nats-server';

export async function connectOrFail(url: string): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  try {
    const nc = await connect({ servers: url, timeout: 3000 });
    return { nc, jsm: await jetstreamManager(nc) };
  } catch (error) {
    throw new Error(
      `NATS with JetStream is not answering at ${url} (${(error as Error).message}): start it as .ci/run does, ` +
        `start-stop-daemon --start --oknodo --background --exec ${NATS_SERVER} -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server`,
      { cause: error },
    );
  }
}

export type StoredMessage = Readonly<{ subject: string; msgId: string | undefined; body: Record<string, unknown> }>;

/** Every message the stream holds, in its order. */
export async function messagesOf(jsm: JetStreamManager, stream: string): Promise<StoredMessage[]> {
  const info = await jsm.streams.info(stream);
  const out: StoredMessage[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (m) out.push({ subject: m.subject, msgId: m.header.get('Nats-Msg-Id') || undefined, body: m.json<Record<string, unknown>>() });
  }
  return out;
}

/**
 * A nats-server of the test's own, started with the machine's flags but its own port and store:
 * stopping the machine's server would cut every other suite running beside this one.
 */
export class OwnNatsServer {
  private process: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!existsSync(NATS_SERVER)) throw new Error(`${NATS_SERVER} is missing: .ci/run installs the nats-server package`);
    this.process = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await answers(this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nats-server did not come up on port ${this.port}`);
  }

  /** SIGTERM, as start-stop-daemon --stop sends: JetStream flushes its store and exits. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
