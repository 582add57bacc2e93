import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender takes a webhook's due deliveries oldest first, sixteen at a time (dueHeads: ORDER BY
 * global_position LIMIT). With only (webhook_id, next_attempt_at) indexed, every batch sorted the
 * whole pending backlog first: a receiver that fell behind by thousands was then served ever more
 * slowly (bench:notify: about 11 deliveries a second per receiver with 8,000 pending). Pending rows
 * in log order let the batch read its sixteen and stop.
 */
export class WebhookPendingOrder1764300170000 implements MigrationInterface {
  name = 'WebhookPendingOrder1764300170000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX wh_deliveries_pending_order ON wh_deliveries (webhook_id, global_position) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX wh_deliveries_pending_order`);
  }
}
