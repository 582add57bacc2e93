import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOCKOUT } from './lockout';

/**
 * auth_failures: failed sign-ins by username, lower-cased by PostgreSQL's lower() as the username
 * index and the erasure are. In the database, not in memory, so that a lockout holds across
 * instances and restarts. Unknown usernames are recorded too: a lockout must not tell which exist.
 */
@Injectable()
export class SignInFailures {
  constructor(private readonly db: DataSource) {}

  /** When each failure still inside the lockout window happened, in ms. */
  async recent(username: string, now: Date): Promise<number[]> {
    const rows: { failed_at: Date }[] = await this.db.query(
      `SELECT failed_at FROM auth_failures WHERE username = lower($1) AND failed_at > $2 ORDER BY failed_at`,
      [username, new Date(now.getTime() - LOCKOUT.windowMs)],
    );
    return rows.map((r) => new Date(r.failed_at).getTime());
  }

  async record(username: string, now: Date): Promise<void> {
    await this.db.query(`INSERT INTO auth_failures (username, failed_at) VALUES (lower($1), $2)`, [username, now]);
  }

  /** A successful sign-in forgives the failures before it. */
  async clear(username: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_failures WHERE username = lower($1)`, [username]);
  }

  /** Housekeeping: failures that have left the window count for nothing any more. */
  async sweep(now: Date): Promise<void> {
    await this.db.query(`DELETE FROM auth_failures WHERE failed_at <= $1`, [new Date(now.getTime() - LOCKOUT.windowMs)]);
  }
}
