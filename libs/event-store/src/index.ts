import { EventStore1764300000000 } from './postgres/migrations/1764300000000-event-store';
import { AppendGuard1764300007000 } from './postgres/migrations/1764300007000-append-guard';
import { AppendBatch1764300008000 } from './postgres/migrations/1764300008000-append-batch';
import { AppendKeyLocks1764300009000 } from './postgres/migrations/1764300009000-append-key-locks';
import { SealLeaves1764300010000 } from './postgres/migrations/1764300010000-seal-leaves';

export * from './event-store.port';
export * from './errors';
export * from './upcasters';
export * from './aggregate-stream';
export * from './seals';
export * from './postgres/postgres-event-store';
export * from './kurrentdb/kurrent-event-store';

export const EVENT_STORE_MIGRATIONS = [
  EventStore1764300000000,
  AppendGuard1764300007000,
  AppendBatch1764300008000,
  AppendKeyLocks1764300009000,
  SealLeaves1764300010000,
];
