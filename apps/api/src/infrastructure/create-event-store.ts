import { KurrentEventStore, PostgresEventStore, serviceUpcasters, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { createLogger } from './logger';

/**
 * PostgreSQL by default; KurrentDB/EventStoreDB (through its official client) when EVENT_STORE=eventstoredb.
 * Both read older schema versions through the same upcasters and write the current ones.
 */
export function createEventStore(config: AppConfig, databaseUrl: string, poolSize = config.poolSize): EventStore {
  const upcasters = serviceUpcasters();
  if (config.eventStore === 'eventstoredb') return KurrentEventStore.connect(config.eventStoreDbUrl!, upcasters);
  const log = createLogger(config.logLevel).child({ context: 'event-store' });
  return new PostgresEventStore({
    connectionString: databaseUrl,
    poolSize,
    upcasters,
    appendBatchesInFlight: config.groupCommit.batchesInFlight,
    appendBatchMax: config.groupCommit.batchMax,
    onWakeupError: (err, context) => log.warn({ err }, context),
  });
}
