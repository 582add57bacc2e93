import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { repoRoot } from '@jinlin/database';

const MAIN = join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built service (`npm run build` first) as a real child process, killable like in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  readonly url: string;
  output = '';

  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly port: number,
    private readonly startTimeoutMs = 30_000,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** `startTimeoutMs`: how long to wait for it to answer (30 s; longer for a test that starts several on a busy machine). */
  static async start(
    databaseUrl: string,
    jwtSecret: string,
    extraEnv: Record<string, string> = {},
    { startTimeoutMs }: { startTimeoutMs?: number } = {},
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      LOG_LEVEL: 'info',
      PROJECTION_POLL_MS: '50',
      ...extraEnv,
    };
    const service = new ServiceProcess(env, port, startTimeoutMs);
    await service.spawn();
    return service;
  }

  /** The running child's process id (a benchmark reads its memory from /proc), or undefined when stopped. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async spawn(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    // Ready when it answers, whatever its log level.
    const deadline = Date.now() + this.startTimeoutMs;
    while (Date.now() < deadline) {
      if (exited !== undefined) throw new Error(`service exited with ${exited}:\n${this.output.slice(-3000)}`);
      try {
        if ((await fetch(`${this.url}/health/live`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // A child that never answered is not left running behind the failed test.
    child.kill('SIGKILL');
    this.child = null;
    throw new Error(`service did not start in ${this.startTimeoutMs / 1000} s:\n${this.output.slice(-3000)}`);
  }

  /** SIGKILL: no shutdown hooks, no flushing — what a power cut or OOM kill does. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    this.output = '';
    await this.spawn();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }
}
