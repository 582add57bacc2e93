import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceData1764300002000 implements MigrationInterface {
  name = 'ReferenceData1764300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_companies (
        id text PRIMARY KEY,
        name text NOT NULL,
        registered_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_communities (
        id text PRIMARY KEY,
        name text NOT NULL,
        subdistrict text NOT NULL,
        neighbourhood text NOT NULL,
        households integer,
        property_company_id text NOT NULL,
        sla_policies jsonb NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_communities_company ON rm_communities (property_company_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_communities`);
    await q.query(`DROP TABLE rm_companies`);
  }
}
