import { IDEM_LOCK_CLASS } from './idem-lock';

/**
 * An append decided on several other streams: es_append with a list of guards
 * (p_guards: [{stream, version}]). Rare (a merge decides on both tickets, an assignment on the
 * assignee's person stream as well as the community), so it has its own function and leaves
 * es_append, the common one-guard append, as it is; the store sends it alone, never in a batch.
 *
 * - Locks as es_append and es_append_batch take them: the stream's (exclusive) and every guard's
 *   (shared) in key order, one lock per key (exclusive when a guard is the stream itself), then
 *   the idempotency key's. Each guard's version read here so holds until this commits, and two
 *   crossed appends (A guarded by B, B guarded by A) cannot both pass: the second waits for the
 *   first's commit and then sees its guard moved.
 * - Refusals raise as es_append's do: JL409 first (the stream's own version), then JL412 naming
 *   the first stale guard in the order given, then JL422.
 * - The writes are es_append_item_under_locks' (the hash chain is computed in one place for
 *   batches and for this), called with no guard of its own: the guards are checked here.
 */
export const ES_APPEND_GUARDS = `
      CREATE FUNCTION es_append_guards(p_stream text, p_expected integer, p_events jsonb, p_idem_scope text, p_idem_key text,
                                       p_idem_hash text, p_idem_response jsonb, p_guards jsonb)
      RETURNS TABLE (stream_version integer, global_position bigint, transaction_id xid8)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_lock record;
        v_guard jsonb;
        v_actual integer;
        v_version integer;
        v_tx xid8;
        r record;
      BEGIN
        FOR v_lock IN
          SELECT l.k, bool_or(l.x) AS exclusive FROM (
            SELECT hashtextextended(p_stream, 0) AS k, true AS x
            UNION ALL
            SELECT hashtextextended(g->>'stream', 0), false FROM jsonb_array_elements(p_guards) g
          ) l GROUP BY l.k ORDER BY l.k
        LOOP
          IF v_lock.exclusive THEN PERFORM pg_advisory_xact_lock(v_lock.k); ELSE PERFORM pg_advisory_xact_lock_shared(v_lock.k); END IF;
        END LOOP;
        IF p_idem_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(${IDEM_LOCK_CLASS}, es_idem_lock_key(p_idem_scope, p_idem_key));
        END IF;
        v_tx := pg_current_xact_id();
        SELECT coalesce(max(e.stream_version), 0) INTO v_version FROM es_events e WHERE e.stream_id = p_stream;
        IF p_expected IS NOT NULL AND p_expected <> v_version THEN
          RAISE EXCEPTION USING ERRCODE = 'JL409', MESSAGE = 'wrong expected version',
            DETAIL = jsonb_build_object('stream', p_stream, 'expected', p_expected, 'actual', v_version)::text;
        END IF;
        FOR v_guard IN SELECT value FROM jsonb_array_elements(p_guards) LOOP
          SELECT coalesce(max(e.stream_version), 0) INTO v_actual FROM es_events e WHERE e.stream_id = v_guard->>'stream';
          IF v_actual <> (v_guard->>'version')::integer THEN
            RAISE EXCEPTION USING ERRCODE = 'JL412', MESSAGE = 'guard stream changed',
              DETAIL = jsonb_build_object('stream', v_guard->>'stream', 'expected', (v_guard->>'version')::integer, 'actual', v_actual)::text;
          END IF;
        END LOOP;
        FOR r IN SELECT * FROM es_append_item_under_locks(v_tx, now(), p_stream, p_expected, p_events, p_idem_scope, p_idem_key,
                                                          p_idem_hash, p_idem_response, NULL, NULL) LOOP
          IF r.error_code IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = r.error_code, MESSAGE = 'append refused', DETAIL = r.error_detail;
          END IF;
          stream_version := r.stream_version; global_position := r.global_position; transaction_id := v_tx;
          RETURN NEXT;
        END LOOP;
      END
      $$`;
