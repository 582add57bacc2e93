import type { Checkpoint } from '../event-store.port';

/** A read position in PostgreSQL is the pair (transaction id, global position). */
export type PgReadPosition = Readonly<{ transactionId: string; position: string }>;

export const encodePgCheckpoint = (transactionId: string, position: string | number): Checkpoint =>
  `${transactionId}:${position}` as Checkpoint;

export function decodePgCheckpoint(checkpoint: Checkpoint | null | undefined): PgReadPosition {
  if (!checkpoint) return { transactionId: '0', position: '0' };
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event-store checkpoint: ${checkpoint}`);
  return { transactionId: match[1], position: match[2] };
}
