import type { Logger } from 'pino';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@jinlin/database';
import type { AppConfig } from '../config/app-config';

export type ResolvedDatabase = Readonly<{ url: string; embedded: EmbeddedDatabase | null }>;

/** DATABASE_URL when given; otherwise a real PostgreSQL started from npm-installed binaries. */
export async function resolveDatabase(config: AppConfig, log: Logger): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const started = Date.now();
  log.info({ dataDir: config.embedded.dataDir, port: config.embedded.port }, 'no DATABASE_URL: starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres({
    dataDir: config.embedded.dataDir,
    port: config.embedded.port,
    log: (line) => log.debug({ postgres: line }),
  });
  log.info({ ms: Date.now() - started }, 'embedded PostgreSQL ready');
  return { url: embedded.url, embedded };
}
