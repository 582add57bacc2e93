import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_BATCH_V1, ES_APPEND_V3 } from './1764300008000-append-batch';

const ITEM_ARGS = 'xid8, timestamptz, text, integer, jsonb, text, text, text, jsonb, text, integer';
const APPEND_ARGS = 'text, integer, jsonb, text, text, text, jsonb, text, integer';

/**
 * The advisory lock of an idempotency key, in the two-integer lock space (class 7101), which
 * never meets the one-integer space of stream locks. Appends take it before they write, after
 * their stream locks: every append locks streams and guards in key order, then keys in key order,
 * so two batches that share keys cannot deadlock, and a twin waits for the first to commit and sees
 * its key instead of colliding in the unique index halfway through a batch (two batches holding
 * each other's keys deadlocked there). Two keys with one hash share a lock: they only take turns.
 * The order holds for one es_append or es_append_batch per transaction, which is how the store calls them.
 */
export const IDEM_LOCK_CLASS = 7101;
const ES_IDEM_LOCK_KEY = `
      CREATE FUNCTION es_idem_lock_key(p_scope text, p_key text) RETURNS integer
      LANGUAGE sql IMMUTABLE AS $$ SELECT hashtext(p_scope || ':' || p_key) $$`;

/**
 * es_append as before (1764300008000), plus the idempotency key's lock after the stream locks.
 * (Sorting all three keys in one query instead cost guarded, keyed appends about 13%: pgbench,
 * 8 clients.)
 */
const ES_APPEND_V4 = `
      CREATE FUNCTION es_append(p_stream text, p_expected integer, p_events jsonb, p_idem_scope text, p_idem_key text,
                                p_idem_hash text, p_idem_response jsonb,
                                p_guard_stream text DEFAULT NULL, p_guard_version integer DEFAULT NULL)
      RETURNS TABLE (stream_version integer, global_position bigint, transaction_id xid8)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_version integer;
        v_hash bytea;
        v_now timestamptz := now();
        v_position bigint;
        v_tx xid8;
        v_event jsonb;
        v_guard integer;
        v_key bigint;
        v_guard_key bigint;
      BEGIN
        v_key := hashtextextended(p_stream, 0);
        v_guard_key := hashtextextended(p_guard_stream, 0);
        IF v_guard_key IS NULL OR v_guard_key = v_key THEN
          PERFORM pg_advisory_xact_lock(v_key);
        ELSIF v_guard_key < v_key THEN
          PERFORM pg_advisory_xact_lock_shared(v_guard_key);
          PERFORM pg_advisory_xact_lock(v_key);
        ELSE
          PERFORM pg_advisory_xact_lock(v_key);
          PERFORM pg_advisory_xact_lock_shared(v_guard_key);
        END IF;
        IF p_idem_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(${IDEM_LOCK_CLASS}, es_idem_lock_key(p_idem_scope, p_idem_key));
        END IF;
        -- Take the transaction id only under the locks: a later version of a stream then always
        -- has a later id, so readers in (transaction_id, position) order see stream order.
        v_tx := pg_current_xact_id();
        SELECT e.stream_version, e.hash INTO v_version, v_hash
          FROM es_events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
        v_version := coalesce(v_version, 0);
        IF p_expected IS NOT NULL AND p_expected <> v_version THEN
          RAISE EXCEPTION USING ERRCODE = 'JL409', MESSAGE = 'wrong expected version',
            DETAIL = jsonb_build_object('stream', p_stream, 'expected', p_expected, 'actual', v_version)::text;
        END IF;
        IF p_guard_stream IS NOT NULL THEN
          -- The guard's lock, shared above, holds the version read here until this commits.
          SELECT coalesce(max(e.stream_version), 0) INTO v_guard FROM es_events e WHERE e.stream_id = p_guard_stream;
          IF v_guard <> p_guard_version THEN
            RAISE EXCEPTION USING ERRCODE = 'JL412', MESSAGE = 'guard stream changed',
              DETAIL = jsonb_build_object('stream', p_guard_stream, 'expected', p_guard_version, 'actual', v_guard)::text;
          END IF;
        END IF;
        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_version := v_version + 1;
          v_hash := es_event_hash(v_hash, p_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint,
                                  v_event->'data', v_event->'metadata', v_now);
          INSERT INTO es_events (transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
            VALUES (v_tx, p_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint, v_event->'data',
                    v_event->'metadata', v_now, v_hash)
            RETURNING es_events.global_position INTO v_position;
          stream_version := v_version; global_position := v_position; transaction_id := v_tx;
          RETURN NEXT;
        END LOOP;
        IF p_idem_key IS NOT NULL THEN
          INSERT INTO es_idempotency (scope, key, request_hash, stream_id, stream_version, global_position, response)
            VALUES (p_idem_scope, p_idem_key, p_idem_hash, p_stream, v_version, coalesce(v_position, 0), p_idem_response)
            ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'JL422', MESSAGE = 'idempotency key taken',
              DETAIL = jsonb_build_object('scope', p_idem_scope, 'key', p_idem_key)::text;
          END IF;
        END IF;
      END
      $$`;

/** es_append_batch with the idempotency keys' locks after the stream locks; items run under them as before. */
const ES_APPEND_BATCH_V2 = `
      CREATE FUNCTION es_append_batch(p_items jsonb)
      RETURNS TABLE (item integer, stream_version integer, global_position bigint, transaction_id xid8, error_code text, error_detail text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_lock record;
        v_item jsonb;
        v_index integer;
        v_now timestamptz := now();
        v_tx xid8;
        r record;
      BEGIN
        -- Every lock the batch needs, before anything is written: streams appended to (exclusive) and
        -- guard streams (shared, unless also appended to) in key order, then idempotency keys in key order.
        FOR v_lock IN
          SELECT l.k, bool_or(l.x) AS exclusive FROM (
            SELECT hashtextextended(i->>'stream', 0) AS k, true AS x FROM jsonb_array_elements(p_items) i
            UNION ALL
            SELECT hashtextextended(i->>'guardStream', 0), false FROM jsonb_array_elements(p_items) i WHERE i->>'guardStream' IS NOT NULL
          ) l GROUP BY l.k ORDER BY l.k
        LOOP
          IF v_lock.exclusive THEN PERFORM pg_advisory_xact_lock(v_lock.k); ELSE PERFORM pg_advisory_xact_lock_shared(v_lock.k); END IF;
        END LOOP;
        FOR v_lock IN
          SELECT DISTINCT es_idem_lock_key(i->>'idemScope', i->>'idemKey') AS k FROM jsonb_array_elements(p_items) i
           WHERE i->>'idemKey' IS NOT NULL ORDER BY 1
        LOOP
          PERFORM pg_advisory_xact_lock(${IDEM_LOCK_CLASS}, v_lock.k);
        END LOOP;
        v_tx := pg_current_xact_id();
        FOR v_index, v_item IN SELECT (a.o - 1)::integer, a.value FROM jsonb_array_elements(p_items) WITH ORDINALITY AS a(value, o) LOOP
          FOR r IN SELECT * FROM es_append_item_under_locks(v_tx, v_now, v_item->>'stream', (v_item->>'expected')::integer, v_item->'events',
                                                            v_item->>'idemScope', v_item->>'idemKey', v_item->>'idemHash', v_item->'idemResponse',
                                                            v_item->>'guardStream', (v_item->>'guardVersion')::integer) LOOP
            item := v_index; stream_version := r.stream_version; global_position := r.global_position;
            transaction_id := CASE WHEN r.error_code IS NULL THEN v_tx END; error_code := r.error_code; error_detail := r.error_detail;
            RETURN NEXT;
          END LOOP;
        END LOOP;
      END
      $$`;

/**
 * Idempotency keys join the ordered locks of es_append and es_append_batch, so two batches
 * that share keys in different orders wait for each other instead of deadlocking, and a twin is
 * refused by its own row instead of failing the whole batch. The per-item function gets a name
 * that says it must run under the batch's locks.
 */
export class AppendKeyLocks1764300009000 implements MigrationInterface {
  name = 'AppendKeyLocks1764300009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append_batch(jsonb)`);
    await q.query(`DROP FUNCTION es_append(${APPEND_ARGS})`);
    await q.query(`ALTER FUNCTION es_append_locked(${ITEM_ARGS}) RENAME TO es_append_item_under_locks`);
    await q.query(ES_IDEM_LOCK_KEY);
    await q.query(ES_APPEND_V4);
    await q.query(ES_APPEND_BATCH_V2);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append_batch(jsonb)`);
    await q.query(`DROP FUNCTION es_append(${APPEND_ARGS})`);
    await q.query(`DROP FUNCTION es_idem_lock_key(text, text)`);
    await q.query(`ALTER FUNCTION es_append_item_under_locks(${ITEM_ARGS}) RENAME TO es_append_locked`);
    await q.query(ES_APPEND_V3);
    await q.query(ES_APPEND_BATCH_V1);
  }
}
