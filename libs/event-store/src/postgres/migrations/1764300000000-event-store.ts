import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND } from '../sql/es-append';
import { ES_APPEND_BATCH, ES_APPEND_ITEM_UNDER_LOCKS } from '../sql/es-append-batch';
import { ES_EVENT_HASH } from '../sql/event-hash';
import { ES_IDEM_LOCK_KEY } from '../sql/idem-lock';
import {
  ES_EVENTS,
  ES_EVENTS_APPEND_ONLY,
  ES_EVENTS_NO_TRUNCATE,
  ES_EVENTS_READ_ORDER,
  ES_IDEMPOTENCY,
  ES_REFUSE_CHANGE,
} from '../sql/tables';

/**
 * The event store's schema: the log and the idempotency keys (sql/tables.ts), and the functions
 * the store calls, es_append for one append and es_append_batch for a group commit (sql/es-*.ts).
 * Each object is defined once, in the module named after it.
 */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of [
      ES_EVENTS,
      ES_EVENTS_READ_ORDER,
      ES_IDEMPOTENCY,
      ES_REFUSE_CHANGE,
      ES_EVENTS_APPEND_ONLY,
      ES_EVENTS_NO_TRUNCATE,
      ES_EVENT_HASH,
      ES_IDEM_LOCK_KEY,
      ES_APPEND,
      ES_APPEND_ITEM_UNDER_LOCKS,
      ES_APPEND_BATCH,
    ]) {
      await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The tables first: their triggers go with them and free es_refuse_change. PL/pgSQL bodies hold no
    // dependencies on what they call, so the functions can go in one statement.
    await q.query(`DROP TABLE es_idempotency, es_events`);
    await q.query(
      `DROP FUNCTION es_append_batch, es_append_item_under_locks, es_append, es_idem_lock_key, es_event_hash, es_refuse_change`,
    );
  }
}
