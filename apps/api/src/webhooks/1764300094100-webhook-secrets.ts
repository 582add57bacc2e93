import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets, kept out of the log (see WebhookRegistered): written by the registering request
 * before its event is appended, keyed by the reference the event carries, deleted with the
 * webhook. Not a read model: no projection owns it and a rebuild never touches it.
 */
export class WebhookSecrets1764300094100 implements MigrationInterface {
  name = 'WebhookSecrets1764300094100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wh_secrets (
        ref text PRIMARY KEY,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wh_secrets`);
  }
}
