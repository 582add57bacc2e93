import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@jinlin/testing';

/**
 * The README's start command as a new user runs it: no DATABASE_URL, no JWT_SECRET. The built
 * service must start its own PostgreSQL, print local demo tokens that work, and stop cleanly.
 */
const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

/** Everything the child printed, for the failure message of whichever step goes wrong. */
let seen = '';

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    const check = () => {
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before printing ${pattern}; output:\n${seen}`));
    });
    check();
  });
}

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, signal: AbortSignal.timeout(10_000) });

// initdb, the demo load and the catch-up share two cores with the other suites in CI: the waits
// below bound each step and say which one failed; the test as a whole may take up to two minutes.
it('when started with no DATABASE_URL, the service runs on an embedded PostgreSQL and its demo tokens work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-embedded-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_DIR: join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  seen = '';
  child.stdout!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  let stopped: boolean;
  try {
    const output = await waitForOutput(child, /admin\s+(\S+)\n/, 90_000);
    expect(output).toMatch(/LOCAL DEMO TOKENS/);
    const adminToken = /admin\s+(\S+)\n/.exec(output)![1];
    // Unready while the projections catch up on the demo data, then ready.
    let ready = 0;
    for (let i = 0; i < 200 && ready !== 200; i++) {
      ready = (await get(`http://127.0.0.1:${port}/health/ready`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    const me = await get(`http://127.0.0.1:${port}/auth/whoami`, { authorization: `Bearer ${adminToken}` });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles).toEqual(['admin']);
    // An empty embedded database gets the seed story: its estates and tickets show up.
    const community = await get(`http://127.0.0.1:${port}/communities/qianpu-yili-west?minPosition=1`, {
      authorization: `Bearer ${adminToken}`,
    });
    expect(((await community.json()) as { name: string }).name).toBe('前埔一里西小区');
    let listed = 0;
    for (let i = 0; i < 100 && listed === 0; i++) {
      const page = await get(`http://127.0.0.1:${port}/tickets?limit=5`, { authorization: `Bearer ${adminToken}` });
      listed = ((await page.json()) as { items: unknown[] }).items.length;
      if (!listed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed).toBe(5);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- service output ---\n${seen}`, { cause: error });
  } finally {
    // A clean stop within 30 s, or the test fails saying so (and the child is killed).
    child.kill('SIGTERM');
    stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
    if (!stopped) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  if (!stopped) throw new Error(`the service did not stop within 30 s of SIGTERM; output:\n${seen}`);
}, 150_000);
