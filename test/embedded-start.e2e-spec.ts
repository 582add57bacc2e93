import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's start command as a new user runs it: no DATABASE_URL, no JWT_SECRET. The built
 * service must start its own PostgreSQL, print local demo tokens that work, and stop cleanly.
 */
const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

it('when started with no DATABASE_URL, the service runs on an embedded PostgreSQL and its demo tokens work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-embedded-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(port + 51000 - 3900 + 1000) };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const output = await waitForOutput(child, /admin\s+(\S+)\n/, 60_000);
    expect(output).toMatch(/LOCAL DEMO TOKENS/);
    const adminToken = /admin\s+(\S+)\n/.exec(output)![1];
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    const me = await fetch(`http://127.0.0.1:${port}/auth/whoami`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles).toEqual(['admin']);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
