import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §4.9 on the ticket list: the wait in progress, the time paused for the resident, and the
 * warnings. No ticket could wait before this (there was no endpoint), nor be warned, so the
 * defaults are every existing row's true values and no rebuild is needed.
 */
export class TicketWaiting1764300091000 implements MigrationInterface {
  name = 'TicketWaiting1764300091000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets
      ADD COLUMN waiting_on text,
      ADD COLUMN waiting_since timestamptz,
      ADD COLUMN paused_seconds integer NOT NULL DEFAULT 0,
      ADD COLUMN acknowledge_warned boolean NOT NULL DEFAULT false,
      ADD COLUMN resolve_warned boolean NOT NULL DEFAULT false`);
    // `overdue=true` reads the unresolved tickets by deadline, and a waiting ticket is unresolved.
    await q.query(`DROP INDEX rm_tickets_open_by_deadline`);
    await q.query(
      `CREATE INDEX rm_tickets_open_by_deadline ON rm_tickets (resolve_by) WHERE status IN ('open', 'acknowledged', 'in_progress', 'waiting')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_tickets_open_by_deadline`);
    await q.query(
      `CREATE INDEX rm_tickets_open_by_deadline ON rm_tickets (resolve_by) WHERE status IN ('open', 'acknowledged', 'in_progress')`,
    );
    await q.query(`ALTER TABLE rm_tickets DROP COLUMN waiting_on, DROP COLUMN waiting_since, DROP COLUMN paused_seconds,
      DROP COLUMN acknowledge_warned, DROP COLUMN resolve_warned`);
  }
}
