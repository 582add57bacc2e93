import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_V2 } from './1764300007000-append-guard';

/**
 * Many appends in one statement and one commit (group commit): the service sends the appends that
 * arrive while earlier ones are in flight together, so a busy moment costs one round trip and one
 * commit instead of one each. Each item succeeds or fails on its own (wrong version, guard, taken
 * key come back as rows, not exceptions), with the same rules and hash chain as es_append, which
 * now is this with one item.
 */
const ES_APPEND_BATCH = `
      CREATE FUNCTION es_append_batch(p_items jsonb)
      RETURNS TABLE (item integer, stream_version integer, global_position bigint, transaction_id xid8, error_code text, error_detail text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_lock record;
        v_item jsonb;
        v_index integer;
        v_stream text;
        v_expected integer;
        v_version integer;
        v_hash bytea;
        v_now timestamptz := now();
        v_position bigint;
        v_tx xid8;
        v_event jsonb;
        v_guard integer;
      BEGIN
        -- Every lock the batch needs, before anything is written and in one order (by key) that
        -- every append follows, so appends never deadlock each other. A stream that one item
        -- appends to and another guards gets the exclusive lock.
        FOR v_lock IN
          SELECT l.k, bool_or(l.x) AS exclusive FROM (
            SELECT hashtextextended(i->>'stream', 0) AS k, true AS x FROM jsonb_array_elements(p_items) i
            UNION ALL
            SELECT hashtextextended(i->>'guardStream', 0), false FROM jsonb_array_elements(p_items) i WHERE i->>'guardStream' IS NOT NULL
          ) l GROUP BY l.k ORDER BY l.k
        LOOP
          IF v_lock.exclusive THEN PERFORM pg_advisory_xact_lock(v_lock.k); ELSE PERFORM pg_advisory_xact_lock_shared(v_lock.k); END IF;
        END LOOP;
        -- Take the transaction id only under the locks: a later version of a stream then always
        -- has a later id, so readers in (transaction_id, position) order see stream order.
        v_tx := pg_current_xact_id();
        FOR v_index, v_item IN SELECT (a.o - 1)::integer, a.value FROM jsonb_array_elements(p_items) WITH ORDINALITY AS a(value, o) LOOP
          v_stream := v_item->>'stream';
          v_expected := (v_item->>'expected')::integer;
          item := v_index; stream_version := NULL; global_position := NULL; transaction_id := NULL; error_code := NULL; error_detail := NULL;
          SELECT e.stream_version, e.hash INTO v_version, v_hash
            FROM es_events e WHERE e.stream_id = v_stream ORDER BY e.stream_version DESC LIMIT 1;
          v_version := coalesce(v_version, 0);
          IF v_expected IS NOT NULL AND v_expected <> v_version THEN
            error_code := 'JL409';
            error_detail := jsonb_build_object('stream', v_stream, 'expected', v_expected, 'actual', v_version)::text;
            RETURN NEXT;
            CONTINUE;
          END IF;
          IF v_item->>'guardStream' IS NOT NULL THEN
            -- The guard's version holds until this commits: appends to that stream need the
            -- exclusive lock this batch shares.
            SELECT coalesce(max(e.stream_version), 0) INTO v_guard FROM es_events e WHERE e.stream_id = v_item->>'guardStream';
            IF v_guard <> (v_item->>'guardVersion')::integer THEN
              error_code := 'JL412';
              error_detail := jsonb_build_object('stream', v_item->>'guardStream', 'expected', (v_item->>'guardVersion')::integer, 'actual', v_guard)::text;
              RETURN NEXT;
              CONTINUE;
            END IF;
          END IF;
          IF v_item->>'idemKey' IS NOT NULL
             AND EXISTS (SELECT 1 FROM es_idempotency d WHERE d.scope = v_item->>'idemScope' AND d.key = v_item->>'idemKey') THEN
            error_code := 'JL422';
            error_detail := jsonb_build_object('scope', v_item->>'idemScope', 'key', v_item->>'idemKey')::text;
            RETURN NEXT;
            CONTINUE;
          END IF;
          v_position := NULL;
          FOR v_event IN SELECT value FROM jsonb_array_elements(v_item->'events') LOOP
            v_version := v_version + 1;
            v_hash := es_event_hash(v_hash, v_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint,
                                    v_event->'data', v_event->'metadata', v_now);
            INSERT INTO es_events (transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
              VALUES (v_tx, v_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint, v_event->'data',
                      v_event->'metadata', v_now, v_hash)
              RETURNING es_events.global_position INTO v_position;
            stream_version := v_version; global_position := v_position; transaction_id := v_tx;
            RETURN NEXT;
          END LOOP;
          IF v_item->>'idemKey' IS NOT NULL THEN
            INSERT INTO es_idempotency (scope, key, request_hash, stream_id, stream_version, global_position, response)
              VALUES (v_item->>'idemScope', v_item->>'idemKey', v_item->>'idemHash', v_stream, v_version, coalesce(v_position, 0), v_item->'idemResponse')
              ON CONFLICT DO NOTHING;
            IF NOT FOUND THEN
              -- A twin in a concurrent transaction took the key after the check above: the whole
              -- statement fails and nothing of it is written; the caller retries its items alone.
              RAISE EXCEPTION USING ERRCODE = 'JL422', MESSAGE = 'idempotency key taken',
                DETAIL = jsonb_build_object('scope', v_item->>'idemScope', 'key', v_item->>'idemKey')::text;
            END IF;
          END IF;
        END LOOP;
      END
      $$`;

/** The single append, as a batch of one whose item errors are raised as before. */
const ES_APPEND_V3 = `
      CREATE OR REPLACE FUNCTION es_append(p_stream text, p_expected integer, p_events jsonb, p_idem_scope text, p_idem_key text,
                                           p_idem_hash text, p_idem_response jsonb,
                                           p_guard_stream text DEFAULT NULL, p_guard_version integer DEFAULT NULL)
      RETURNS TABLE (stream_version integer, global_position bigint, transaction_id xid8)
      LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        FOR r IN SELECT * FROM es_append_batch(jsonb_build_array(jsonb_build_object(
            'stream', p_stream, 'expected', p_expected, 'events', p_events, 'idemScope', p_idem_scope, 'idemKey', p_idem_key,
            'idemHash', p_idem_hash, 'idemResponse', p_idem_response, 'guardStream', p_guard_stream, 'guardVersion', p_guard_version)))
        LOOP
          IF r.error_code IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = r.error_code, DETAIL = r.error_detail, MESSAGE = CASE r.error_code
              WHEN 'JL409' THEN 'wrong expected version' WHEN 'JL412' THEN 'guard stream changed' ELSE 'idempotency key taken' END;
          END IF;
          stream_version := r.stream_version; global_position := r.global_position; transaction_id := r.transaction_id;
          RETURN NEXT;
        END LOOP;
      END
      $$`;

export class AppendBatch1764300008000 implements MigrationInterface {
  name = 'AppendBatch1764300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ES_APPEND_BATCH);
    await q.query(ES_APPEND_V3);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append(text, integer, jsonb, text, text, text, jsonb, text, integer)`);
    await q.query(ES_APPEND_V2);
    await q.query(`DROP FUNCTION es_append_batch(jsonb)`);
  }
}
