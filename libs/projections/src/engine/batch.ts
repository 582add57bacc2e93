import type { QueryRunner } from 'typeorm';
import type { EventStore, ReadAllResult, StoredEvent } from '@jinlin/event-store';
import { advanceCheckpoint, readCheckpoint, type StoredCheckpoint } from './checkpoints';
import type { Projection } from './projection';

/** Runs a projection's apply of one page, e.g. inside a trace span per event; it must call `apply` once. */
export type AroundApply = (projection: Projection, events: readonly StoredEvent[], apply: () => Promise<void>) => Promise<void>;

export type BatchOutcome =
  | Readonly<{ kind: 'idle' }>
  /** full: the page covered as much of the log as it could, so more may be waiting. */
  | Readonly<{ kind: 'applied'; events: number; full: boolean; at: StoredCheckpoint }>
  /** Someone else moved the checkpoint (a reset, or a holder that lost its lock): start from theirs. */
  | Readonly<{ kind: 'fenced'; at: StoredCheckpoint }>;

/**
 * Reads the next page of the log and applies it in one transaction with the checkpoint move.
 * Every event advances the checkpoint, handled or not, so lag measures what is really left.
 */
export async function applyNextBatch(
  store: EventStore,
  qr: QueryRunner,
  projection: Projection,
  from: StoredCheckpoint,
  limit: number,
  around?: AroundApply,
): Promise<BatchOutcome> {
  return applyPage(qr, projection, from, await readPage(store, projection, from, limit), limit, around);
}

/** Only the types this projection handles travel; the checkpoint still passes the others. */
export function readPage(store: EventStore, projection: Projection, from: StoredCheckpoint, limit: number): Promise<ReadAllResult> {
  return store.readAll({ after: from.checkpoint, limit, types: projection.handles });
}

/**
 * Applies a page read from `from` in one transaction with the checkpoint move. A page with nothing
 * for this projection (or a process manager's page, whose effects are appends) moves the
 * checkpoint in one statement of its own.
 */
export async function applyPage(
  qr: QueryRunner,
  projection: Projection,
  from: StoredCheckpoint,
  page: ReadAllResult,
  limit: number,
  around?: AroundApply,
): Promise<BatchOutcome> {
  if (page.checkpoint === from.checkpoint) return { kind: 'idle' };
  const handled = page.events;
  const at: StoredCheckpoint = { checkpoint: page.checkpoint, position: page.position ?? from.position };
  const applied: BatchOutcome = { kind: 'applied', events: handled.length, full: page.scanned >= limit, at };
  const apply = () => projection.apply(handled, qr.manager);
  const run = () => (around ? around(projection, handled, apply) : apply());
  const fenced = async (): Promise<BatchOutcome> => ({ kind: 'fenced', at: await readCheckpoint(qr.manager, projection.name) });
  if (!handled.length || projection.transactional === false) {
    if (handled.length) await run();
    return (await advanceCheckpoint(qr.manager, projection.name, from, at)) ? applied : fenced();
  }
  await qr.startTransaction();
  try {
    // Moving the checkpoint first locks its row: writers of one projection take turns, and one
    // that finds it moved by someone else writes nothing.
    if (!(await advanceCheckpoint(qr.manager, projection.name, from, at))) {
      await qr.rollbackTransaction();
      return fenced();
    }
    await run();
    await qr.commitTransaction();
    return applied;
  } catch (error) {
    // The batch's own error is the one to report; a rollback that fails means the connection broke, and the caller discards it.
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    throw error;
  }
}

const LOCK_CLASS = 7_001;

/** A session lock: released when its connection ends, so a dead holder's projection is free at once. */
export async function tryLockProjection(qr: QueryRunner, name: string): Promise<boolean> {
  const rows = await qr.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [LOCK_CLASS, name]);
  return rows[0].locked === true;
}

export async function unlockProjection(qr: QueryRunner, name: string): Promise<void> {
  await qr.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_CLASS, name]);
}
