import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = ['follow_up_base', 'followed_up', 'reached_follow_ups', 'well_scored_follow_ups'];

/**
 * The follow-up figures of SPEC §6 (followUpRate, followUpSatisfactionRate): each ticket's reached
 * and well-scored follow-ups, and the counters they give, per ticket and summed per day. The
 * histograms hold durations only and do not change. Rows written before this count no follow-up,
 * which is true: TicketFollowedUp did not exist.
 */
export class FollowUpMetrics1764300070100 implements MigrationInterface {
  name = 'FollowUpMetrics1764300070100';

  async up(q: QueryRunner): Promise<void> {
    const add = (columns: string[]) => columns.map((c) => `ADD COLUMN ${c} integer NOT NULL DEFAULT 0`).join(', ');
    await q.query(`ALTER TABLE rm_ticket_metrics ${add(['follow_ups_reached', 'follow_ups_well', ...COUNTERS])}`);
    await q.query(`ALTER TABLE rm_ticket_metrics_daily ${add(COUNTERS)}`);
    // Tickets already resolved or closed are the new rate's denominator: derive it from the status.
    await q.query(`UPDATE rm_ticket_metrics SET follow_up_base = 1 WHERE status IN ('resolved', 'closed')`);
    await q.query(`
      UPDATE rm_ticket_metrics_daily d SET follow_up_base = m.n
      FROM (SELECT filed_day, community_id, company_id, category, count(*)::int AS n FROM rm_ticket_metrics
            WHERE follow_up_base = 1 GROUP BY 1, 2, 3, 4) m
      WHERE d.day = m.filed_day AND d.community_id = m.community_id AND d.company_id = m.company_id AND d.category = m.category`);
  }

  async down(q: QueryRunner): Promise<void> {
    const drop = (columns: string[]) => columns.map((c) => `DROP COLUMN ${c}`).join(', ');
    await q.query(`ALTER TABLE rm_ticket_metrics_daily ${drop(COUNTERS)}`);
    await q.query(`ALTER TABLE rm_ticket_metrics ${drop(['follow_ups_reached', 'follow_ups_well', ...COUNTERS])}`);
  }
}
