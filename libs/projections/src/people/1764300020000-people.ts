import type { MigrationInterface, QueryRunner } from 'typeorm';

export class People1764300020000 implements MigrationInterface {
  name = 'People1764300020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_people (
        id text PRIMARY KEY,
        roles text[] NOT NULL,
        communities text[] NOT NULL,
        company_id text,
        erased boolean NOT NULL DEFAULT false,
        registered_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_people_company ON rm_people (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX rm_people_communities ON rm_people USING gin (communities)`);
    await q.query(`CREATE INDEX rm_people_roles ON rm_people USING gin (roles)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_people`);
  }
}
