import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §4.9 in the SLA timer's work list: warning rows, a paused clock, and one row per ticket
 * for the escalation ladder (its minutes, the ticket's level and the resolve deadline the steps
 * count from; `due_at` null while no step is scheduled). The projection now also reads
 * TicketEscalated, which it used to skip, so it is emptied and replayed from the first event once:
 * tickets filed with warnings or a ladder before this migration get their rows too.
 */
export class SlaWarningsAndLadder1764300092000 implements MigrationInterface {
  name = 'SlaWarningsAndLadder1764300092000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_sla_deadlines DROP CONSTRAINT rm_sla_deadlines_kind_check`);
    await q.query(`ALTER TABLE rm_sla_deadlines
      ALTER COLUMN due_at DROP NOT NULL,
      ADD COLUMN paused boolean NOT NULL DEFAULT false,
      ADD COLUMN ladder integer[],
      ADD COLUMN level smallint,
      ADD COLUMN resolve_by timestamptz,
      ADD CONSTRAINT rm_sla_deadlines_kind_check
        CHECK (kind IN ('acknowledge', 'resolve', 'auto_close', 'acknowledge_warning', 'resolve_warning', 'escalation')),
      ADD CONSTRAINT rm_sla_deadlines_ladder_check CHECK (
        CASE WHEN kind = 'escalation' THEN ladder IS NOT NULL AND level IS NOT NULL AND resolve_by IS NOT NULL ELSE due_at IS NOT NULL END)`);
    // Still the timer's only question, "what is due and still pending?", paged in this order.
    await q.query(`DROP INDEX rm_sla_deadlines_due`);
    await q.query(`CREATE INDEX rm_sla_deadlines_due ON rm_sla_deadlines (due_at, ticket_id, kind)
      WHERE NOT done AND NOT paused AND due_at IS NOT NULL`);
    await q.query(`TRUNCATE rm_sla_deadlines`);
    await q.query(`UPDATE projection_checkpoints SET checkpoint = NULL, position = 0, updated_at = now() WHERE name = 'sla-deadlines'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rm_sla_deadlines WHERE kind NOT IN ('acknowledge', 'resolve', 'auto_close')`);
    await q.query(`DROP INDEX rm_sla_deadlines_due`);
    await q.query(`ALTER TABLE rm_sla_deadlines
      DROP CONSTRAINT rm_sla_deadlines_ladder_check,
      DROP CONSTRAINT rm_sla_deadlines_kind_check,
      DROP COLUMN paused, DROP COLUMN ladder, DROP COLUMN level, DROP COLUMN resolve_by,
      ALTER COLUMN due_at SET NOT NULL,
      ADD CONSTRAINT rm_sla_deadlines_kind_check CHECK (kind IN ('acknowledge', 'resolve', 'auto_close'))`);
    await q.query(`CREATE INDEX rm_sla_deadlines_due ON rm_sla_deadlines (due_at, ticket_id, kind) WHERE NOT done`);
  }
}
