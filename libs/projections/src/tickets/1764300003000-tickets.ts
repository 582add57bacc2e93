import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tickets1764300003000 implements MigrationInterface {
  name = 'Tickets1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE rm_tickets (
        id text PRIMARY KEY,
        community_id text NOT NULL,
        company_id text NOT NULL,
        filed_company_id text NOT NULL,
        category text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        location text,
        channel text NOT NULL,
        reporter_id text NOT NULL,
        status text NOT NULL,
        assignee_id text,
        filed_at timestamptz NOT NULL,
        first_response_at timestamptz,
        first_action_at timestamptz,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        withdrawn_at timestamptz,
        acknowledge_by timestamptz NOT NULL,
        resolve_by timestamptz NOT NULL,
        rating smallint,
        rating_comment text,
        escalation_level text,
        action_count integer NOT NULL DEFAULT 0,
        reject_count integer NOT NULL DEFAULT 0,
        acknowledge_breached boolean NOT NULL DEFAULT false,
        resolve_breached boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        position bigint NOT NULL
      )`);
    // Newest first, by each way the list is scoped; (filed_at, id) is also the cursor.
    await q.query(`CREATE INDEX rm_tickets_newest ON rm_tickets (filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX rm_tickets_community ON rm_tickets (community_id, filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX rm_tickets_reporter ON rm_tickets (reporter_id, filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX rm_tickets_assignee ON rm_tickets (assignee_id, filed_at DESC) WHERE assignee_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX rm_tickets_open_by_deadline ON rm_tickets (resolve_by) WHERE status IN ('open', 'acknowledged', 'in_progress')`,
    );
    // Full text that works for Chinese: trigram matching on title and description.
    await q.query(`CREATE INDEX rm_tickets_text ON rm_tickets USING gin ((title || ' ' || description) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_tickets`);
  }
}
