import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the trace runs from the HTTP command to each delivery. The sender works from its queue,
 * not from the event, so each delivery row keeps the event's W3C traceparent (an id pair, no
 * personal data); null for rows queued before, whose deliveries start a trace of their own.
 */
export class WebhookTraceParent1764300180000 implements MigrationInterface {
  name = 'WebhookTraceParent1764300180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wh_deliveries ADD COLUMN trace_parent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wh_deliveries DROP COLUMN trace_parent`);
  }
}
