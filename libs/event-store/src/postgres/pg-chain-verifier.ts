import type { Pool } from 'pg';
import type { ChainVerdict } from '../event-store.port';

type Row = { stream_id: string; stream_version: number; global_position: string; ok: boolean; events: string };

/** Recomputes every hash of the given streams from the stored fields and the previous hash. */
const VERIFY_SQL = `
  WITH checked AS (
    SELECT stream_id, stream_version, global_position,
           hash = es_event_hash(lag(hash) OVER w, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
             AND stream_version = row_number() OVER w AS ok,
           count(*) OVER (PARTITION BY stream_id) AS events
      FROM es_events WHERE stream_id = ANY($1)
    WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version))
  SELECT DISTINCT ON (stream_id) stream_id, stream_version, global_position, ok, events
    FROM checked ORDER BY stream_id, ok, stream_version`;

export async function verifyStreams(pool: Pool, streamIds: readonly string[]): Promise<Map<string, ChainVerdict>> {
  const { rows } = await pool.query<Row>(VERIFY_SQL, [streamIds]);
  const verdicts = new Map<string, ChainVerdict>();
  for (const row of rows) {
    const events = Number(row.events);
    verdicts.set(
      row.stream_id,
      row.ok
        ? { valid: true, events }
        : {
            valid: false,
            events,
            brokenAt: { streamId: row.stream_id, streamVersion: row.stream_version, globalPosition: Number(row.global_position) },
          },
    );
  }
  return verdicts;
}

export async function* verifyAllStreams(
  pool: Pool,
  batch = 500,
  onProgress?: (done: number) => void,
): AsyncIterable<ChainVerdict & { streamId: string }> {
  let after = '';
  let done = 0;
  for (;;) {
    const { rows } = await pool.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM es_events WHERE stream_id > $1 ORDER BY stream_id LIMIT $2`,
      [after, batch],
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.stream_id);
    const verdicts = await verifyStreams(pool, ids);
    for (const id of ids) yield { streamId: id, ...(verdicts.get(id) ?? { valid: true, events: 0 }) };
    done += ids.length;
    onProgress?.(done);
    after = ids[ids.length - 1];
  }
}
