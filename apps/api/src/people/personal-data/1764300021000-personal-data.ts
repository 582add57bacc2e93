import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data, kept apart from the event log so that it can be erased (SPEC §2.1, PIPL). These
 * tables are not read models: no projection owns them and a rebuild never touches them.
 */
export class PersonalData1764300021000 implements MigrationInterface {
  name = 'PersonalData1764300021000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pd_people (
        person_id text PRIMARY KEY,
        name text,
        phone text,
        username text,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX pd_people_username ON pd_people (lower(username)) WHERE username IS NOT NULL`);
    // A session is known by the sha256 of its cookie's token: the database never holds a usable cookie.
    await q.query(`
      CREATE TABLE auth_sessions (
        id_hash text PRIMARY KEY,
        person_id text NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_sessions_person ON auth_sessions (person_id)`);
    await q.query(`
      CREATE TABLE auth_failures (
        username text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX auth_failures_username ON auth_failures (username, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_failures`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE pd_people`);
  }
}
