import { createHash } from 'node:crypto';

/** Key order never changes an event's hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type HashedFields = Readonly<{
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}>;

/** SHA-256 over the previous hash and the event's canonical encoding: the same chain as in PostgreSQL, computed here. */
export function chainHash(previous: string, e: HashedFields): string {
  const body = canonicalJson([e.streamId, e.version, e.type, e.schemaVersion, e.data, e.metadata, e.recordedAt]);
  return createHash('sha256').update(previous).update(body).digest('hex');
}
