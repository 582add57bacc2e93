import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@jinlin/database';
import { freePort } from '@jinlin/testing';

const MAIN = join(repoRoot(), 'dist', 'bench', 'crud-baseline', 'main.js');

export type CrudService = Readonly<{ url: string; stop: () => Promise<void> }>;

/** The built baseline (`npm run build:bench` first) as a child process, like Jinlin's ServiceProcess. */
export async function startCrudBaseline(databaseUrl: string, jwtSecret: string): Promise<CrudService> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`crud baseline exited with ${exited}:\n${output.slice(-3000)}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`crud baseline did not start in 30 s:\n${output.slice(-3000)}`);
}
