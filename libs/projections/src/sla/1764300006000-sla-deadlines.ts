import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaDeadlines1764300006000 implements MigrationInterface {
  name = 'SlaDeadlines1764300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_sla_deadlines (
        ticket_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('acknowledge', 'resolve', 'auto_close')),
        due_at timestamptz NOT NULL,
        done boolean NOT NULL DEFAULT false,
        breached boolean NOT NULL DEFAULT false,
        position bigint NOT NULL,
        PRIMARY KEY (ticket_id, kind)
      )`);
    // The timer's only question is "what is due and still pending?", paged in this order.
    await q.query(`CREATE INDEX rm_sla_deadlines_due ON rm_sla_deadlines (due_at, ticket_id, kind) WHERE NOT done`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_sla_deadlines`);
  }
}
