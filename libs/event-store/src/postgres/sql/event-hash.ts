/**
 * The hash chain: each event's hash is sha256(previous hash in its stream || canonical encoding),
 * so a changed, removed or reordered event breaks every hash after it (the chain verifier and
 * `audit:verify` recompute it). The canonical encoding is a JSON array of the event's fields, with
 * jsonb's own normalised text and the time in UTC to the microsecond.
 */
export const ES_EVENT_HASH = `
      CREATE FUNCTION es_event_hash(prev bytea, stream_id text, stream_version integer, type text,
                                    schema_version smallint, data jsonb, metadata jsonb, recorded_at timestamptz)
      RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT sha256(coalesce(prev, ''::bytea) || convert_to(jsonb_build_array(
          stream_id, stream_version, type, schema_version, data, metadata,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8'))
      $$`;
