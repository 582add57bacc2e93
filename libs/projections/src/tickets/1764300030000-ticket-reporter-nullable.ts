import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket filed by staff, a manager, the committee or the secretary without naming a resident has
 * no reporter (SPEC §4.1, TicketFiled schema version 2). Rows projected before this still name the
 * filer of such tickets: `npm run projections:rebuild -- tickets` replays them through the upcaster.
 */
export class TicketReporterNullable1764300030000 implements MigrationInterface {
  name = 'TicketReporterNullable1764300030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN reporter_id DROP NOT NULL`);
  }

  /** Fails while a ticket without a reporter is projected: version 1 cannot say who that is. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN reporter_id SET NOT NULL`);
  }
}
