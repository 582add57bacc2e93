import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks as the log knows them, the ticket context their deliveries are written with, and the
 * delivery log, which is also the queue the sender works from. No secret here: see wh_secrets.
 */
export class Webhooks1764300094000 implements MigrationInterface {
  name = 'Webhooks1764300094000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wh_webhooks (
        id text PRIMARY KEY,
        url text NOT NULL,
        format text NOT NULL,
        events text[],
        communities text[],
        secret_ref text NOT NULL,
        status text NOT NULL,
        registered_at timestamptz NOT NULL,
        disabled_at timestamptz,
        disabled_reason text,
        position bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE wh_tickets (
        id text PRIMARY KEY,
        record jsonb NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE wh_deliveries (
        webhook_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        ticket_id text NOT NULL,
        stream_version integer NOT NULL,
        global_position bigint NOT NULL,
        recorded_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        first_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        PRIMARY KEY (webhook_id, event_id)
      )`);
    await q.query(`CREATE INDEX wh_deliveries_due ON wh_deliveries (webhook_id, next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX wh_deliveries_ticket ON wh_deliveries (webhook_id, ticket_id, stream_version) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX wh_deliveries_log ON wh_deliveries (webhook_id, global_position DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wh_deliveries`);
    await q.query(`DROP TABLE wh_tickets`);
    await q.query(`DROP TABLE wh_webhooks`);
  }
}
