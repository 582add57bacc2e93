import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an Open311 request brings that a ticket does not hold. `pd_open311_contacts` is personal
 * data (SPEC §2.1): the email, name and phone of whoever the request is for, kept apart from the
 * log so that it can be erased, with the person it belongs to when the request has a reporter.
 * `open311_request_facts` keeps the coordinates and a foreign `media_url` (recorded, never fetched).
 * Neither is a read model: no projection owns them and a rebuild never touches them.
 */
export class Open3111764300100000 implements MigrationInterface {
  name = 'Open3111764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pd_open311_contacts (
        ticket_id text PRIMARY KEY,
        person_id text,
        email text,
        first_name text,
        last_name text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      )`);
    await q.query(`CREATE INDEX pd_open311_contacts_person ON pd_open311_contacts (person_id) WHERE person_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE open311_request_facts (
        ticket_id text PRIMARY KEY,
        lat double precision,
        long double precision,
        media_url text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE open311_request_facts`);
    await q.query(`DROP TABLE pd_open311_contacts`);
  }
}
