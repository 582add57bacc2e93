import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §4.7: anonymity, community visibility, support and merge. Tickets projected before carry
 * the defaults their events imply (no such event existed): not anonymous, private, no supporters.
 */
export class TicketVisibility1764300080000 implements MigrationInterface {
  name = 'TicketVisibility1764300080000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets
      ADD COLUMN anonymous boolean NOT NULL DEFAULT false,
      ADD COLUMN visibility text NOT NULL DEFAULT 'private',
      ADD COLUMN support_count integer NOT NULL DEFAULT 0,
      ADD COLUMN merged_into text,
      ADD COLUMN merged_at timestamptz`);
    // A neighbour's list: the community-visible tickets of their communities, newest first.
    await q.query(`CREATE INDEX rm_tickets_community_visible ON rm_tickets (community_id, filed_at) WHERE visibility = 'community'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_tickets_community_visible`);
    await q.query(`ALTER TABLE rm_tickets DROP COLUMN anonymous, DROP COLUMN visibility, DROP COLUMN support_count,
      DROP COLUMN merged_into, DROP COLUMN merged_at`);
  }
}
