import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_GUARDS } from '../sql/es-append-guards';

/** es_append_guards: an append guarded by several streams at once (see sql/es-append-guards.ts). es_append is unchanged. */
export class AppendGuards1764300150000 implements MigrationInterface {
  name = 'AppendGuards1764300150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ES_APPEND_GUARDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append_guards`);
  }
}
