import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many follow-ups (回访) a ticket has had and the latest (SPEC §4.8). Tickets projected before
 * this read as having none, which is true: TicketFollowedUp did not exist.
 */
export class TicketFollowUps1764300070000 implements MigrationInterface {
  name = 'TicketFollowUps1764300070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN follow_up_count integer NOT NULL DEFAULT 0, ADD COLUMN last_follow_up jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets DROP COLUMN last_follow_up, DROP COLUMN follow_up_count`);
  }
}
