import type { DataSource, QueryRunner } from 'typeorm';

/** Not the projections' class (7001): a timer and a projection must never share a key. */
const LOCK_CLASS = 7_002;

/**
 * "Only one instance does this": a PostgreSQL session advisory lock held on a connection of its
 * own. When the holder dies its connection ends, the lock goes with it, and another instance
 * takes over at its next attempt.
 */
export class LeaderLock {
  private qr: QueryRunner | null = null;
  private held = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
  ) {}

  /** True while this instance leads; a held lock is re-proven by touching its connection. */
  async acquire(): Promise<boolean> {
    try {
      if (this.held) {
        await this.qr!.query('SELECT 1');
        return true;
      }
      if (!this.qr) {
        this.qr = this.dataSource.createQueryRunner();
        await this.qr.connect();
      }
      const rows = await this.qr.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [LOCK_CLASS, this.name]);
      this.held = rows[0].locked === true;
      return this.held;
    } catch (error) {
      await this.release();
      throw error;
    }
  }

  /**
   * Unlocks, so a standby can lead at once (the server notices a closed connection only a little
   * later), then ends the connection: a pooled one must never carry a lock away.
   */
  async release(): Promise<void> {
    const qr = this.qr;
    const held = this.held;
    this.qr = null;
    this.held = false;
    if (!qr) return;
    // A failed unlock means the connection is already broken: the lock ended with its session, and the connection is ended below.
    if (held) await qr.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_CLASS, this.name]).catch(() => undefined);
    const pg = qr as unknown as { releasePostgresConnection?: (error: Error) => Promise<void> };
    // Ending a connection that already failed: nothing is left to clean up, and the caller (acquire) rethrows its own error.
    if (pg.releasePostgresConnection) await pg.releasePostgresConnection(new Error('leader connection retired')).catch(() => undefined);
    else await qr.release().catch(() => undefined);
  }
}
