import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §4.5: a ticket's location is a place object, and the list filters by building. Rows
 * projected from version 2 events held the location as text: they become `{note}`, as the
 * upcaster reads those events, so no rebuild is needed.
 */
export class TicketPlaces1764300060000 implements MigrationInterface {
  name = 'TicketPlaces1764300060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN location TYPE jsonb
      USING CASE WHEN location IS NULL THEN NULL ELSE jsonb_build_object('note', location) END`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN building text`);
    await q.query(
      `CREATE INDEX rm_tickets_building ON rm_tickets (community_id, building, filed_at DESC, id DESC) WHERE building IS NOT NULL`,
    );
    // GET /tickets/:id/similar ranks by similarity(title, …): the title alone, not title || description.
    await q.query(`CREATE INDEX rm_tickets_title_trgm ON rm_tickets USING gin (title gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE rm_buildings (
        community_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        units jsonb NOT NULL,
        registered_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (community_id, code)
      )`);
  }

  /** Fails while a location holds more than a note: text cannot say which part was the building. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_buildings`);
    await q.query(`DROP INDEX rm_tickets_title_trgm`);
    await q.query(`DROP INDEX rm_tickets_building`);
    await q.query(`ALTER TABLE rm_tickets DROP COLUMN building`);
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN location TYPE text USING location->>'note'`);
  }
}
