import type { DataSource } from 'typeorm';
import type { Queryable } from './scope';

/**
 * Reads in one repeatable-read snapshot: the checkpoint, the sums and the per-ticket rows then
 * agree with each other even while the projection commits its next batch.
 */
export async function inSnapshot<T>(db: DataSource, work: (q: Queryable) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work({ query: (sql, params) => runner.query(sql, params) });
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    // The read's own error is the one to report; a ROLLBACK that fails means the connection broke (the read wrote nothing).
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
