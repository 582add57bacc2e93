import type { DataSource } from 'typeorm';
import { decodeLeaves, encodeLeaves, type StreamHead } from '@jinlin/event-store';

/** Where a seal's leaves live: PostgreSQL, whichever store holds the log (its migrations always run). */
export type SqlRunner = Pick<DataSource, 'query'>;

/** Content-addressed: the same root has the same leaves, so a second write changes nothing. */
export async function saveSealLeaves(db: SqlRunner, root: string, heads: readonly StreamHead[]): Promise<void> {
  await db.query(`INSERT INTO es_seal_leaves (root, leaves) VALUES ($1, $2) ON CONFLICT (root) DO NOTHING`, [root, encodeLeaves(heads)]);
}

/** The stored leaves of a root; null when they are gone, 'unreadable' when they are not gzip any more. */
export async function loadSealLeaves(db: SqlRunner, root: string): Promise<StreamHead[] | null | 'unreadable'> {
  const rows: { leaves: Buffer }[] = await db.query(`SELECT leaves FROM es_seal_leaves WHERE root = $1`, [root]);
  if (rows.length === 0) return null;
  try {
    return decodeLeaves(rows[0].leaves);
  } catch {
    return 'unreadable';
  }
}
