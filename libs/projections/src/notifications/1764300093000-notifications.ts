import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rm_notifications: one row per (event, recipient), newest first per person. Its id orders the
 * live stream (SSE `id:`): one projection writes it, its transactions taking turns on the
 * checkpoint's row lock, so ids are given in commit order. The three context tables are what the
 * notifier folds for itself from the log (tickets, the directory's roles, community names).
 */
export class Notifications1764300093000 implements MigrationInterface {
  name = 'Notifications1764300093000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient_id text NOT NULL,
        event_id text NOT NULL,
        event_position bigint NOT NULL,
        event_type text NOT NULL,
        ticket_id text NOT NULL,
        summary text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT rm_notifications_once UNIQUE (event_id, recipient_id)
      )`);
    await q.query(`CREATE INDEX rm_notifications_inbox ON rm_notifications (recipient_id, id DESC)`);
    await q.query(`CREATE INDEX rm_notifications_unread ON rm_notifications (recipient_id, id DESC) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE rm_notification_tickets (
        ticket_id text PRIMARY KEY,
        community_id text NOT NULL,
        company_id text NOT NULL,
        reporter_id text,
        assignee_id text,
        escalation_level text,
        supporters text[] NOT NULL,
        title text NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_notification_people (
        id text PRIMARY KEY,
        roles text[] NOT NULL,
        communities text[] NOT NULL,
        company_id text,
        erased boolean NOT NULL,
        position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_notification_people_company ON rm_notification_people (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX rm_notification_people_communities ON rm_notification_people USING gin (communities)`);
    await q.query(`CREATE TABLE rm_notification_communities (id text PRIMARY KEY, name text NOT NULL, position bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_notification_communities, rm_notification_people, rm_notification_tickets, rm_notifications`);
  }
}
