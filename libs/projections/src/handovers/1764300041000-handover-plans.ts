import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each step's owner and due date (HandoverStepPlanned): ids and dates, the owner's name is looked up at read time. */
export class HandoverPlans1764300041000 implements MigrationInterface {
  name = 'HandoverPlans1764300041000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_handovers ADD COLUMN plans jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_handovers DROP COLUMN plans`);
  }
}
