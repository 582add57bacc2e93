import type { EntityManager } from 'typeorm';
import type { AnyEvent, EventShape, StoredEvent } from '@jinlin/event-store';

/**
 * A read model fed from the stored log, typed by the event union it reads. The engine reads only
 * the types in `handles`, so those are the events `apply` gets. `apply` runs inside the
 * transaction that also moves the checkpoint, so its writes and the checkpoint commit together;
 * it must also be idempotent, since a rebuild or a fencing retry may hand it events again.
 */
export interface Projection<E extends EventShape = AnyEvent> {
  readonly name: string;
  readonly handles: readonly E['type'][];
  /** Emptied by a rebuild. */
  readonly tables: readonly string[];
  /**
   * false for a process manager whose effects are appends to the event store: those cannot join
   * the checkpoint's transaction, so they must be idempotent and run before the checkpoint moves.
   */
  readonly transactional?: boolean;
  apply(events: readonly StoredEvent<E>[], tx: EntityManager): Promise<void>;
}

/**
 * Closes a `switch` that must cover every type of an event union: a type added to the union fails
 * the build at the call. At run time (an event newer than this build) it answers `unchanged`.
 */
export const exhaustive = <T>(_unhandled: never, unchanged: T): T => unchanged;

export type ProjectionStatus = Readonly<{
  name: string;
  position: number;
  lagEvents: number;
  lagMs: number;
  running: boolean;
}>;
