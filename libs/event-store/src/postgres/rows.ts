import type { EventMetadata, StoredEvent } from '../event-store.port';
import { encodePgCheckpoint } from './checkpoint';

// The text form gets its own name: an alias named transaction_id would make ORDER BY transaction_id
// sort as text ('1001' < '748'), and readers would skip events.
export const EVENT_COLUMNS = `global_position, transaction_id::text AS tx_text, stream_id, stream_version,
  type, schema_version, data, metadata, recorded_at, encode(hash, 'hex') AS hash`;

export type EventRow = {
  global_position: string;
  tx_text: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
  hash: string;
};

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: Number(row.global_position),
  checkpoint: encodePgCheckpoint(row.tx_text, row.global_position),
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
  hash: row.hash,
});
