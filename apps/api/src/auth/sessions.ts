import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newSecret, secretHash, SESSION_TTL_MS } from './session-cookie';

/** A sign-in session as the database holds it: known by the hash of its cookie's secret. */
export type Session = Readonly<{ idHash: string; personId: string; csrfToken: string; expiresAt: Date }>;
export type ActiveSession = Session & Readonly<{ name: string | null }>;

/** Ended sessions stay a day (for whoever looks into a complaint), then go. */
const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

/**
 * auth_sessions. Each request that a session authenticates asks here, never a cache: a sign-out or an
 * erasure on one instance ends the session on every other at once.
 */
@Injectable()
export class Sessions {
  constructor(private readonly db: DataSource) {}

  /** A new session; the cookie's secret is returned once and stored only as its hash. */
  async open(personId: string, now: Date): Promise<{ secret: string; session: Session }> {
    const secret = newSecret();
    const session: Session = {
      idHash: secretHash(secret),
      personId,
      csrfToken: newSecret(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    await this.db.query(`INSERT INTO auth_sessions (id_hash, person_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      session.idHash,
      personId,
      session.csrfToken,
      now,
      session.expiresAt,
    ]);
    return { secret, session };
  }

  /** The session the secret opens: not revoked, not expired, its person's personal data not erased. */
  async active(secret: string, now: Date): Promise<ActiveSession | null> {
    const rows: { person_id: string; csrf_token: string; expires_at: Date; name: string | null }[] = await this.db.query(
      `SELECT s.person_id, s.csrf_token, s.expires_at, p.name
         FROM auth_sessions s JOIN pd_people p ON p.person_id = s.person_id
        WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.erased_at IS NULL`,
      [secretHash(secret), now],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { idHash: secretHash(secret), personId: r.person_id, csrfToken: r.csrf_token, expiresAt: new Date(r.expires_at), name: r.name };
  }

  async revoke(idHash: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE auth_sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL`, [idHash, now]);
  }

  /** Housekeeping: sessions that ended (revoked or expired) more than a day ago. */
  async sweep(now: Date): Promise<void> {
    // LEAST skips a NULL revoked_at: a session ended when it was revoked or when it expired, whichever came first.
    await this.db.query(`DELETE FROM auth_sessions WHERE LEAST(expires_at, revoked_at) < $1`, [new Date(now.getTime() - KEEP_ENDED_MS)]);
  }
}
