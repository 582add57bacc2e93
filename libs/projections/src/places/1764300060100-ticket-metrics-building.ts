import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `groupBy=building` (SPEC §6): the building becomes a dimension of the dashboard's per-ticket,
 * daily and histogram rows, beside community, company and category. '' is "no building": every
 * ticket projected before places existed, whose location could name none.
 */
export class TicketMetricsBuilding1764300060100 implements MigrationInterface {
  name = 'TicketMetricsBuilding1764300060100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_ticket_metrics ADD COLUMN building text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE rm_ticket_metrics_daily ADD COLUMN building text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE rm_ticket_metrics_daily DROP CONSTRAINT rm_ticket_metrics_daily_pkey,
      ADD PRIMARY KEY (day, community_id, company_id, category, building)`);
    await q.query(`ALTER TABLE rm_ticket_metrics_hist ADD COLUMN building text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE rm_ticket_metrics_hist DROP CONSTRAINT rm_ticket_metrics_hist_pkey,
      ADD PRIMARY KEY (level, day, community_id, company_id, category, building, kind, bucket)`);
  }

  /** Rows of several buildings would collide in the older keys: rebuild the projection there instead. */
  async down(_q: QueryRunner): Promise<void> {
    throw new Error('rebuild the ticket-metrics projection on the older schema instead: rows of several buildings would collide');
  }
}
