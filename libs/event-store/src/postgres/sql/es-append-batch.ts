import { IDEM_LOCK_CLASS } from './idem-lock';

/**
 * One item of a batch: its checks and writes, with its locks already held and its transaction id
 * given. Version, guard and idempotency-key refusals come back as a row (error_code, error_detail)
 * instead of raising, so a batch can refuse one item and store the others. The name says it must
 * run under es_append_batch's locks; nothing else calls it.
 */
export const ES_APPEND_ITEM_UNDER_LOCKS = `
      CREATE FUNCTION es_append_item_under_locks(p_tx xid8, p_now timestamptz, p_stream text, p_expected integer, p_events jsonb,
                                                 p_idem_scope text, p_idem_key text, p_idem_hash text, p_idem_response jsonb,
                                                 p_guard_stream text, p_guard_version integer)
      RETURNS TABLE (stream_version integer, global_position bigint, error_code text, error_detail text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_version integer;
        v_hash bytea;
        v_position bigint;
        v_event jsonb;
        v_guard integer;
      BEGIN
        -- The caller holds the stream's lock (exclusive) and the guard's (shared or exclusive).
        SELECT e.stream_version, e.hash INTO v_version, v_hash
          FROM es_events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
        v_version := coalesce(v_version, 0);
        IF p_expected IS NOT NULL AND p_expected <> v_version THEN
          error_code := 'JL409';
          error_detail := jsonb_build_object('stream', p_stream, 'expected', p_expected, 'actual', v_version)::text;
          RETURN NEXT;
          RETURN;
        END IF;
        IF p_guard_stream IS NOT NULL THEN
          -- The guard's version holds until this commits: appends to that stream need its lock exclusively.
          SELECT coalesce(max(e.stream_version), 0) INTO v_guard FROM es_events e WHERE e.stream_id = p_guard_stream;
          IF v_guard <> p_guard_version THEN
            error_code := 'JL412';
            error_detail := jsonb_build_object('stream', p_guard_stream, 'expected', p_guard_version, 'actual', v_guard)::text;
            RETURN NEXT;
            RETURN;
          END IF;
        END IF;
        IF p_idem_key IS NOT NULL AND EXISTS (SELECT 1 FROM es_idempotency d WHERE d.scope = p_idem_scope AND d.key = p_idem_key) THEN
          error_code := 'JL422';
          error_detail := jsonb_build_object('scope', p_idem_scope, 'key', p_idem_key)::text;
          RETURN NEXT;
          RETURN;
        END IF;
        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_version := v_version + 1;
          v_hash := es_event_hash(v_hash, p_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint,
                                  v_event->'data', v_event->'metadata', p_now);
          INSERT INTO es_events (transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
            VALUES (p_tx, p_stream, v_version, v_event->>'type', (v_event->>'schemaVersion')::smallint, v_event->'data',
                    v_event->'metadata', p_now, v_hash)
            RETURNING es_events.global_position INTO v_position;
          stream_version := v_version; global_position := v_position;
          RETURN NEXT;
        END LOOP;
        IF p_idem_key IS NOT NULL THEN
          INSERT INTO es_idempotency (scope, key, request_hash, stream_id, stream_version, global_position, response)
            VALUES (p_idem_scope, p_idem_key, p_idem_hash, p_stream, v_version, coalesce(v_position, 0), p_idem_response)
            ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            -- A twin in a concurrent transaction took the key after the check above: the whole
            -- statement fails and nothing of it is written (the service then retries its items alone).
            RAISE EXCEPTION USING ERRCODE = 'JL422', MESSAGE = 'idempotency key taken',
              DETAIL = jsonb_build_object('scope', p_idem_scope, 'key', p_idem_key)::text;
          END IF;
        END IF;
      END
      $$`;

/**
 * Group commit: many appends in one statement and one commit. The service sends together the
 * appends that arrive while earlier ones are in flight, so a busy moment costs one round trip and
 * one commit per batch instead of per append. Every lock the batch needs is taken first, in the
 * order es_append follows (streams and guards in key order, a stream that one item appends to and
 * another guards exclusively; then idempotency keys in key order), so batches and single appends
 * wait for each other instead of deadlocking. Items then run in order; each succeeds or fails alone.
 */
export const ES_APPEND_BATCH = `
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
