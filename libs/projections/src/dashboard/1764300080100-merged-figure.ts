import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §6's `merged`: a counter like the others, per ticket and per filing day. No ticket was
 * merged before this, so 0 is every existing row's true value and no rebuild is needed.
 */
export class MergedFigure1764300080100 implements MigrationInterface {
  name = 'MergedFigure1764300080100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_ticket_metrics ADD COLUMN merged integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE rm_ticket_metrics_daily ADD COLUMN merged integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_ticket_metrics_daily DROP COLUMN merged`);
    await q.query(`ALTER TABLE rm_ticket_metrics DROP COLUMN merged`);
  }
}
