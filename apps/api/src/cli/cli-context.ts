import { DataSource } from 'typeorm';
import { createDataSource } from '@jinlin/database';
import type { EventStore } from '@jinlin/event-store';
import { createEventStore } from '../infrastructure/create-event-store';
import { ConfigError, loadConfig } from '../config/app-config';
import { resolveDatabase } from '../infrastructure/database';
import { createLogger } from '../infrastructure/logger';
import { migrate } from '../infrastructure/migrate';
import { READ_MODEL_ENTITIES, ALL_MIGRATIONS } from '../read-models';

export type CliContext = Readonly<{ store: EventStore; dataSource: DataSource; close: () => Promise<void> }>;

/** The same database the service uses (DATABASE_URL, or the embedded one, shared if it is running). */
export async function openCliContext(readModelConnections = 4): Promise<CliContext> {
  let config;
  try {
    config = loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'cli-does-not-verify-tokens-xxxxxxxxxx' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const database = await resolveDatabase(config, createLogger('warn'));
  await migrate(database.url);
  const store = createEventStore(config, database.url, 4);
  const dataSource = createDataSource({
    url: database.url,
    entities: READ_MODEL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    poolSize: readModelConnections,
  });
  await dataSource.initialize();
  return {
    store,
    dataSource,
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await database.embedded?.stop();
    },
  };
}
