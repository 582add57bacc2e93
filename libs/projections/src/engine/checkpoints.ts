import type { EntityManager } from 'typeorm';
import type { Checkpoint } from '@jinlin/event-store';

export type StoredCheckpoint = Readonly<{ checkpoint: Checkpoint | null; position: number }>;

const toStored = (row?: { checkpoint: string | null; position: string }): StoredCheckpoint => ({
  checkpoint: (row?.checkpoint ?? null) as Checkpoint | null,
  position: Number(row?.position ?? 0),
});

export async function ensureCheckpoint(db: EntityManager, name: string): Promise<void> {
  await db.query(`INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING`, [name]);
}

export async function readCheckpoint(db: EntityManager, name: string): Promise<StoredCheckpoint> {
  const rows = await db.query(`SELECT checkpoint, position FROM projection_checkpoints WHERE name = $1`, [name]);
  return toStored(rows[0]);
}

/** Locks the row for the rest of the transaction: writers of one projection take turns. */
export async function lockCheckpoint(tx: EntityManager, name: string): Promise<StoredCheckpoint> {
  const rows = await tx.query(`SELECT checkpoint, position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
  return toStored(rows[0]);
}

export async function saveCheckpoint(tx: EntityManager, name: string, at: StoredCheckpoint): Promise<void> {
  await tx.query(`UPDATE projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now() WHERE name = $1`, [
    name,
    at.checkpoint,
    at.position,
  ]);
}

/**
 * Moves the checkpoint from `from` to `at` if it is still at `from`: one statement that locks the
 * row, fences off anyone who moved it meanwhile (a reset, another holder) and saves. false: fenced.
 */
export async function advanceCheckpoint(db: EntityManager, name: string, from: StoredCheckpoint, at: StoredCheckpoint): Promise<boolean> {
  const rows: { moved: number }[] = await db.query(
    `WITH moved AS (
       UPDATE projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now()
        WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $4 RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [name, at.checkpoint, at.position, from.checkpoint],
  );
  return rows[0].moved === 1;
}
