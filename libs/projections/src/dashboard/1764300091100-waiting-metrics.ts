import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §4.9 in the dashboards: a ticket's wait in progress, so a clock stopped for the resident is
 * not counted overdue, and the status it returns to. No ticket could wait before this, so the nulls
 * are every existing row's true values, and due_day was set exactly for the backlog: the index
 * "overdue now" reads keeps the same rows under its new condition.
 */
export class WaitingMetrics1764300091100 implements MigrationInterface {
  name = 'WaitingMetrics1764300091100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE rm_ticket_metrics ADD COLUMN waiting_on text, ADD COLUMN waiting_since timestamptz, ADD COLUMN returns_to text`,
    );
    await q.query(`DROP INDEX rm_ticket_metrics_due`);
    await q.query(`CREATE INDEX rm_ticket_metrics_due ON rm_ticket_metrics (resolve_by)
      INCLUDE (filed_at, community_id, company_id, category) WHERE due_day IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_ticket_metrics_due`);
    await q.query(`CREATE INDEX rm_ticket_metrics_due ON rm_ticket_metrics (resolve_by)
      INCLUDE (filed_at, community_id, company_id, category) WHERE backlog = 1`);
    await q.query(`ALTER TABLE rm_ticket_metrics DROP COLUMN waiting_on, DROP COLUMN waiting_since, DROP COLUMN returns_to`);
  }
}
