import { KurrentEventStore, PostgresEventStore, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { createLogger } from './logger';

/** PostgreSQL by default; KurrentDB/EventStoreDB (through its official client) when EVENT_STORE=eventstoredb. */
export function createEventStore(config: AppConfig, databaseUrl: string, poolSize = config.poolSize): EventStore {
  if (config.eventStore === 'eventstoredb') return KurrentEventStore.connect(config.eventStoreDbUrl!);
  const log = createLogger(config.logLevel).child({ context: 'event-store' });
  return new PostgresEventStore({
    connectionString: databaseUrl,
    poolSize,
    appendBatchesInFlight: config.groupCommit.batchesInFlight,
    appendBatchMax: config.groupCommit.batchMax,
    onWakeupError: (err, context) => log.warn({ err }, context),
  });
}
