/**
 * The append-only log. Readers follow (transaction_id, global_position) below the oldest running
 * transaction, so an event committed late by a slow writer is never skipped; es_append sets
 * transaction_id under the stream's lock, so that order is also stream order. `hash` chains each
 * event to the one before it in its stream (see es_event_hash).
 */
export const ES_EVENTS = `
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
  )`;

export const ES_EVENTS_READ_ORDER = `CREATE INDEX es_events_read_order ON es_events (transaction_id, global_position)`;

/**
 * One row per idempotency key taken: the append it made and the response to repeat. It is written
 * in the same transaction as the events, so a key is taken if and only if its events are stored.
 */
export const ES_IDEMPOTENCY = `
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
  )`;

/** Stored events are never changed: UPDATE, DELETE and TRUNCATE of es_events fail with JL403. */
export const ES_REFUSE_CHANGE = `
      CREATE FUNCTION es_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'es_events is append-only: % refused', TG_OP USING ERRCODE = 'JL403';
      END
      $$`;

export const ES_EVENTS_APPEND_ONLY = `
  CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
    FOR EACH ROW EXECUTE FUNCTION es_refuse_change()`;

export const ES_EVENTS_NO_TRUNCATE = `
  CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
    FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_change()`;
