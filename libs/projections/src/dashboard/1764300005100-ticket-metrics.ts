import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = `filed integer NOT NULL DEFAULT 0, withdrawn integer NOT NULL DEFAULT 0, non_withdrawn integer NOT NULL DEFAULT 0,
  responded_in_time integer NOT NULL DEFAULT 0, closed integer NOT NULL DEFAULT 0, rated integer NOT NULL DEFAULT 0,
  rated_well integer NOT NULL DEFAULT 0, resolved_once integer NOT NULL DEFAULT 0, reopened integer NOT NULL DEFAULT 0,
  backlog integer NOT NULL DEFAULT 0`;

const DIMENSIONS = `day date NOT NULL, community_id text NOT NULL, company_id text NOT NULL, category text NOT NULL`;

export class TicketMetrics1764300005100 implements MigrationInterface {
  name = 'TicketMetrics1764300005100';

  async up(q: QueryRunner): Promise<void> {
    // One row per ticket, with what it contributes to the figures stored next to its facts.
    await q.query(`
      CREATE TABLE rm_ticket_metrics (
        id text PRIMARY KEY,
        community_id text NOT NULL,
        company_id text NOT NULL,
        category text NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        filed_at timestamptz NOT NULL,
        filed_day date NOT NULL,
        acknowledge_by timestamptz NOT NULL,
        resolve_by timestamptz NOT NULL,
        first_response_at timestamptz,
        last_resolved_at timestamptz,
        closed_at timestamptz,
        withdrawn_at timestamptz,
        ever_resolved boolean NOT NULL,
        ever_rejected boolean NOT NULL,
        rating smallint,
        ${COUNTERS},
        first_response_ms bigint,
        fr_bucket smallint,
        resolution_ms bigint,
        res_bucket smallint,
        due_day integer,
        position bigint NOT NULL
      )`);
    // Partial days at the edges of a window, and the monthly report of one community.
    await q.query(`CREATE INDEX rm_ticket_metrics_filed ON rm_ticket_metrics (filed_at)`);
    await q.query(`CREATE INDEX rm_ticket_metrics_community ON rm_ticket_metrics (community_id, filed_at)`);
    // The exact percentile is found among the tickets of one bucket in the window.
    await q.query(`CREATE INDEX rm_ticket_metrics_fr ON rm_ticket_metrics (fr_bucket, filed_at)
      INCLUDE (first_response_ms, community_id, company_id, category) WHERE fr_bucket IS NOT NULL`);
    await q.query(`CREATE INDEX rm_ticket_metrics_res ON rm_ticket_metrics (res_bucket, filed_at)
      INCLUDE (resolution_ms, community_id, company_id, category) WHERE res_bucket IS NOT NULL`);
    // "Overdue now" for the backlog whose deadline falls today.
    await q.query(`CREATE INDEX rm_ticket_metrics_due ON rm_ticket_metrics (resolve_by)
      INCLUDE (filed_at, community_id, company_id, category) WHERE backlog = 1`);

    await q.query(
      `CREATE TABLE rm_ticket_metrics_daily (${DIMENSIONS}, ${COUNTERS}, PRIMARY KEY (day, community_id, company_id, category))`,
    );
    await q.query(`CREATE INDEX rm_ticket_metrics_daily_community ON rm_ticket_metrics_daily (community_id, day)`);

    // Kept for blocks of 1, 8 and 64 days (level 0..2; day is the block's first day), so a
    // long window reads few blocks. Kind 2's bucket is the day number of the resolve deadline.
    await q.query(`
      CREATE TABLE rm_ticket_metrics_hist (
        level smallint NOT NULL, ${DIMENSIONS}, kind smallint NOT NULL, bucket integer NOT NULL, n integer NOT NULL,
        -- Bounds of the values ever added: when they meet, the bucket's values are known without reading tickets.
        lo_ms bigint, hi_ms bigint,
        PRIMARY KEY (level, day, community_id, company_id, category, kind, bucket)
      )`);
    await q.query(`CREATE INDEX rm_ticket_metrics_hist_community ON rm_ticket_metrics_hist (community_id, level, day)`);
    // Every batch adds to the same few rows: room on each page keeps those updates HOT (no index writes).
    await q.query(`ALTER TABLE rm_ticket_metrics_daily SET (fillfactor = 70)`);
    await q.query(`ALTER TABLE rm_ticket_metrics_hist SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_ticket_metrics_hist`);
    await q.query(`DROP TABLE rm_ticket_metrics_daily`);
    await q.query(`DROP TABLE rm_ticket_metrics`);
  }
}
