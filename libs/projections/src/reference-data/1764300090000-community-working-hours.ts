import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SPEC §3: a community's working hours; null until set, which reads as the default 08:30–17:30. */
export class CommunityWorkingHours1764300090000 implements MigrationInterface {
  name = 'CommunityWorkingHours1764300090000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_communities ADD COLUMN working_hours jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_communities DROP COLUMN working_hours`);
  }
}
