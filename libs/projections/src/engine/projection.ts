import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';

/**
 * A read model fed from the stored log. `apply` runs inside the transaction that also moves the
 * checkpoint, so its writes and the checkpoint commit together; it must also be idempotent, since
 * a rebuild or a fencing retry may hand it events again.
 */
export interface Projection {
  readonly name: string;
  readonly handles: readonly string[];
  /** Emptied by a rebuild. */
  readonly tables: readonly string[];
  /**
   * false for a process manager whose effects are appends to the event store: those cannot join
   * the checkpoint's transaction, so they must be idempotent and run before the checkpoint moves.
   */
  readonly transactional?: boolean;
  apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void>;
}

export type ProjectionStatus = Readonly<{
  name: string;
  position: number;
  lagEvents: number;
  lagMs: number;
  running: boolean;
}>;
