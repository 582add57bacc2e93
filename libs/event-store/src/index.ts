import { EventStore1764300000000 } from './postgres/migrations/1764300000000-event-store';
import { SealLeaves1764300010000 } from './postgres/migrations/1764300010000-seal-leaves';
import { AppendGuards1764300150000 } from './postgres/migrations/1764300150000-append-guards';

export * from './event-store.port';
export * from './errors';
export * from './upcasters';
export * from './aggregate-stream';
export * from './seals';
export * from './event-id';
export * from './postgres/postgres-event-store';
export * from './kurrentdb/kurrent-event-store';

export const EVENT_STORE_MIGRATIONS = [EventStore1764300000000, SealLeaves1764300010000, AppendGuards1764300150000];
