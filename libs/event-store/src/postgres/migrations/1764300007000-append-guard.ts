import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_V1 } from './1764300000000-event-store';

/** es_append with the guard; 1764300008000 changes its lock order and restores this on the way down. */
export const ES_APPEND_V2 = `
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
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
        -- Take the transaction id only under the stream lock: a later version of a stream then
        -- always has a later id, so readers in (transaction_id, position) order see stream order.
        v_tx := pg_current_xact_id();
        SELECT e.stream_version, e.hash INTO v_version, v_hash
          FROM es_events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
        v_version := coalesce(v_version, 0);
        IF p_expected IS NOT NULL AND p_expected <> v_version THEN
          RAISE EXCEPTION USING ERRCODE = 'JL409', MESSAGE = 'wrong expected version',
            DETAIL = jsonb_build_object('stream', p_stream, 'expected', p_expected, 'actual', v_version)::text;
        END IF;
        IF p_guard_stream IS NOT NULL THEN
          -- Shared: guards on one stream do not block each other; an append to that stream waits
          -- for them, and they for it, so the version read here holds until this commits.
          PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_guard_stream, 0));
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

/**
 * es_append learns a guard: "append only if that other stream is still at this version". A
 * command decided on another stream's state (a ticket on its community's) can then trust a cached
 * copy of that state: a stale copy fails here, under a shared lock of that stream, and is re-read.
 */
export class AppendGuard1764300007000 implements MigrationInterface {
  name = 'AppendGuard1764300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append(text, integer, jsonb, text, text, text, jsonb)`);
    await q.query(ES_APPEND_V2);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append(text, integer, jsonb, text, text, text, jsonb, text, integer)`);
    await q.query(ES_APPEND_V1);
  }
}
