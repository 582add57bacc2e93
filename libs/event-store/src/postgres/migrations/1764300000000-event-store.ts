import type { MigrationInterface, QueryRunner } from 'typeorm';

/** es_append as first created; 1764300007000 adds the guard stream and restores this on the way down. */
export const ES_APPEND_V1 = `
      CREATE FUNCTION es_append(p_stream text, p_expected integer, p_events jsonb, p_idem_scope text, p_idem_key text,
                                p_idem_hash text, p_idem_response jsonb)
      RETURNS TABLE (stream_version integer, global_position bigint, transaction_id xid8)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_version integer;
        v_hash bytea;
        v_now timestamptz := now();
        v_position bigint;
        v_tx xid8;
        v_event jsonb;
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
        -- The events come as one JSON array [{type, schemaVersion, data, metadata}]: one parameter
        -- to encode and parse instead of four arrays of escaped JSON text.
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
 * The append-only log. Readers follow (transaction_id, global_position) below the oldest
 * running transaction, so an event committed late by a slow writer is never skipped.
 */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        type            text        NOT NULL,
        schema_version  smallint    NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL DEFAULT '{}',
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        hash            bytea       NOT NULL,
        CONSTRAINT es_events_stream_version UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`CREATE INDEX es_events_read_order ON es_events (transaction_id, global_position)`);
    await q.query(`
      CREATE TABLE es_idempotency (
        scope           text        NOT NULL,
        key             text        NOT NULL,
        request_hash    text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL,
        global_position bigint      NOT NULL,
        response        jsonb       NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    // The canonical encoding: a JSON array of the event's fields, with jsonb's own normalised text.
    await q.query(`
      CREATE FUNCTION es_event_hash(prev bytea, stream_id text, stream_version integer, type text,
                                    schema_version smallint, data jsonb, metadata jsonb, recorded_at timestamptz)
      RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT sha256(coalesce(prev, ''::bytea) || convert_to(jsonb_build_array(
          stream_id, stream_version, type, schema_version, data, metadata,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8'))
      $$`);
    // One round trip per append: lock the stream, check the version, chain the hashes, insert.
    await q.query(ES_APPEND_V1);
    await q.query(`
      CREATE FUNCTION es_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'es_events is append-only: % refused', TG_OP USING ERRCODE = 'JL403';
      END
      $$`);
    await q.query(`CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
                   FOR EACH ROW EXECUTE FUNCTION es_refuse_change()`);
    await q.query(`CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
                   FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE es_idempotency`);
    await q.query(`DROP TABLE es_events`);
    await q.query(`DROP FUNCTION es_append, es_event_hash, es_refuse_change`);
  }
}
