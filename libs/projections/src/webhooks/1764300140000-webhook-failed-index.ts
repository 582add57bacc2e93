import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender asks each turn for active webhooks with a delivery given up on (a crash between the
 * failure and WebhookDisabled): failed rows are few (the first disables its webhook), so an index
 * of those alone keeps that question off the delivery log's millions of delivered rows.
 */
export class WebhookFailedIndex1764300140000 implements MigrationInterface {
  name = 'WebhookFailedIndex1764300140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX wh_deliveries_failed ON wh_deliveries (webhook_id, global_position) WHERE status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX wh_deliveries_failed`);
  }
}
