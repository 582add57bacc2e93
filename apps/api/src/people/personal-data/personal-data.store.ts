import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { PersonalDataRow } from './personal-data.entity';

export type NewPersonalData = Readonly<{
  personId: string;
  name: string;
  phone: string | null;
  username: string | null;
  passwordHash: string | null;
}>;

export type ProfileChange = Readonly<{ name?: string; phone?: string | null }>;

/** PostgreSQL's unique_violation, and which constraint it names. */
const uniqueViolation = (error: unknown): string | null => {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? '') : null;
};

/**
 * The personal-data table (SPEC §2.1): names, phones, usernames, password hashes. Each write that
 * goes with an event runs the append inside the row's transaction, so a refused command leaves no
 * row and a failed write leaves no event: a registration is both or neither.
 */
@Injectable()
export class PersonalDataStore {
  constructor(private readonly db: DataSource) {}

  /** Writes the row, then `append` (the event) before committing; a taken id or username is a 409. */
  async create<T>(data: NewPersonalData, append: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO pd_people (person_id, name, phone, username, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
          data.personId,
          data.name,
          data.phone,
          data.username,
          data.passwordHash,
        ]);
        return append();
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'pd_people_username') throw new DomainError('USERNAME_TAKEN', data.username!);
      if (constraint !== null) throw new DomainError('PERSON_EXISTS', data.personId);
      throw error;
    }
  }

  get(personId: string): Promise<PersonalDataRow | null> {
    return this.db.getRepository(PersonalDataRow).findOneBy({ personId });
  }

  /** Usernames compare without case; an erased person has none. */
  async byUsername(username: string): Promise<PersonalDataRow | null> {
    const rows: { person_id: string }[] = await this.db.query(`SELECT person_id FROM pd_people WHERE lower(username) = lower($1)`, [
      username,
    ]);
    return rows.length ? this.get(rows[0].person_id) : null;
  }

  /**
   * Names and phones change without an event: they are not in the log. A person whose row is
   * missing (registered, then the row's commit failed after the append) gets one; an erased
   * person's stays erased.
   */
  async changeProfile(personId: string, change: ProfileChange): Promise<void> {
    const has = (v: unknown) => v !== undefined;
    await this.db.query(
      `INSERT INTO pd_people (person_id, name, phone) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET
         name = CASE WHEN $4 THEN excluded.name ELSE pd_people.name END,
         phone = CASE WHEN $5 THEN excluded.phone ELSE pd_people.phone END,
         updated_at = now()
       WHERE pd_people.erased_at IS NULL`,
      [personId, change.name ?? null, change.phone ?? null, has(change.name), has(change.phone)],
    );
  }

  /** A new hash ends every other session of the person: a stolen cookie does not outlive a password change. */
  async setPasswordHash(personId: string, passwordHash: string, keepSessionHash?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE pd_people SET password_hash = $2, updated_at = now() WHERE person_id = $1 AND erased_at IS NULL`, [
        personId,
        passwordHash,
      ]);
      await tx.query(
        `UPDATE auth_sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL AND id_hash IS DISTINCT FROM $2`,
        [personId, keepSessionHash ?? null],
      );
    });
  }

  /**
   * PIPL deletion: name, phone, username and hash are nulled, the person's sessions revoked and the
   * sign-in failures recorded under the username dropped, the contact details of their Open311
   * requests nulled, and committed; only then is `append`
   * (PersonalDataErased) run. Erasure comes first because it is what the person asked for: if the
   * append fails, the data is gone anyway and a retry records it. The row stays, marked erased, so
   * the id keeps showing as [已删除].
   */
  async erase<T>(personId: string, append: () => Promise<T>): Promise<T> {
    await this.db.transaction(async (tx) => {
      const rows: { username: string | null }[] = await tx.query(`SELECT username FROM pd_people WHERE person_id = $1 FOR UPDATE`, [
        personId,
      ]);
      const username = rows[0]?.username;
      if (username) await tx.query(`DELETE FROM auth_failures WHERE username = lower($1)`, [username]);
      await tx.query(
        `UPDATE pd_people SET name = NULL, phone = NULL, username = NULL, password_hash = NULL,
           erased_at = coalesce(erased_at, now()), updated_at = now() WHERE person_id = $1`,
        [personId],
      );
      await tx.query(`UPDATE auth_sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`, [personId]);
      // The contact details given with the person's Open311 requests (SPEC §7) go with the rest.
      await tx.query(
        `UPDATE pd_open311_contacts SET email = NULL, first_name = NULL, last_name = NULL, phone = NULL,
           erased_at = coalesce(erased_at, now()) WHERE person_id = $1`,
        [personId],
      );
    });
    return append();
  }
}
