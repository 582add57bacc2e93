import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos (SPEC §4.6). `blobs` holds bytes by content hash, so the same photo twice is stored once
 * (unused when BLOB_DIR puts them in a directory). `attachments` says whose upload each is and what
 * it was attached to; it is written in the transaction that appends the attaching event, so an
 * upload is attached exactly when its event exists. Not a read model: a rebuild never touches it.
 */
export class Attachments1764300050000 implements MigrationInterface {
  name = 'Attachments1764300050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY,
        bytes bytea NOT NULL,
        size integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        owner_id text NOT NULL,
        sha256 text NOT NULL,
        thumb_sha256 text NOT NULL,
        mime text NOT NULL,
        bytes integer NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attached_to_ticket uuid,
        attached_event text,
        attach_order smallint,
        internal boolean NOT NULL DEFAULT false,
        attached_at timestamptz
      )`);
    // The expiry's scan, and "is this blob still used" for the image and the thumbnail.
    await q.query(`CREATE INDEX attachments_unattached ON attachments (created_at) WHERE attached_to_ticket IS NULL`);
    await q.query(`CREATE INDEX attachments_sha256 ON attachments (sha256)`);
    await q.query(`CREATE INDEX attachments_thumb_sha256 ON attachments (thumb_sha256)`);
    await q.query(`CREATE INDEX attachments_ticket ON attachments (attached_to_ticket) WHERE attached_to_ticket IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TABLE blobs`);
  }
}
