import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the expiry needs to check the log before it deletes an upload (an event may name an upload
 * whose row was never marked attached: the append committed, the attaching transaction did not).
 * `log_checkpoint`/`log_position`: the log's head just before the upload was saved, so any event
 * naming it lies after it and the expiry reads only from there (null for uploads saved before
 * this: read from the start). `expiring_at`: set by the expiry before it reads the log; from then
 * on the upload cannot be attached, so nothing can name it behind the expiry's back.
 */
export class AttachmentLogBound1764300150100 implements MigrationInterface {
  name = 'AttachmentLogBound1764300150100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE attachments ADD COLUMN log_checkpoint text, ADD COLUMN log_position bigint, ADD COLUMN expiring_at timestamptz`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments DROP COLUMN log_checkpoint, DROP COLUMN log_position, DROP COLUMN expiring_at`);
  }
}
