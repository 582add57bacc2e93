import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Handovers1764300005000 implements MigrationInterface {
  name = 'Handovers1764300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_handovers (
        id text PRIMARY KEY,
        community_id text NOT NULL,
        outgoing_company_id text NOT NULL,
        incoming_company_id text,
        reason text NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        steps jsonb NOT NULL DEFAULT '{}',
        blockers jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_handovers_community ON rm_handovers (community_id, started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_handovers`);
  }
}
