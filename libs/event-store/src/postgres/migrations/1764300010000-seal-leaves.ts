import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leaves of each audit seal (SPEC §8.1), content-addressed by the seal's root: gzip of the
 * sorted lines "streamId\tversion\thash". Written before the seal is appended, so a seal always
 * has them; verification uses them to name the streams whose heads changed, and checks that they
 * still hash to the root (the roots' copies outside the database are what it trusts).
 */
export class SealLeaves1764300010000 implements MigrationInterface {
  name = 'SealLeaves1764300010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_seal_leaves (
        root       text        PRIMARY KEY,
        leaves     bytea       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE es_seal_leaves`);
  }
}
