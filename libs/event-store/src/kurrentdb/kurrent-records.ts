import { createHash } from 'node:crypto';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { Checkpoint, EventMetadata, StoredEvent } from '../event-store.port';

export const IDEMPOTENCY_TYPE = 'JinlinIdempotencyKeyRecorded';

/** Our fields ride in the event's metadata under one key; the rest is the caller's metadata. */
export type StoredMeta = EventMetadata & { $jinlin: { schemaVersion: number; recordedAt: string; hash: string } };

export const idempotencyStream = (scope: string, key: string) =>
  `jinlin_idempotency-${createHash('sha256').update(`${scope}\n${key}`).digest('hex')}`;

export const isOwnBookkeeping = (type: string) => type === IDEMPOTENCY_TYPE || type.startsWith('$');

/**
 * multiStreamAppend (used when an idempotency key is written with the events) takes metadata only
 * as string properties, so there the whole metadata travels as one JSON string under this name.
 */
export const METADATA_PROPERTY = 'jinlin-metadata';

export const asProperties = (meta: StoredMeta): Record<string, string> => ({ [METADATA_PROPERTY]: JSON.stringify(meta) });

function metadataOf(raw: unknown): Partial<StoredMeta> {
  const meta = (raw ?? {}) as Record<string, unknown>;
  const packed = meta[METADATA_PROPERTY];
  return (typeof packed === 'string' ? JSON.parse(packed) : meta) as Partial<StoredMeta>;
}

export function toStored(resolved: AllStreamResolvedEvent): StoredEvent {
  const e = resolved.event!;
  const meta = metadataOf(e.metadata);
  const own = meta.$jinlin ?? { schemaVersion: 1, recordedAt: e.created.toISOString(), hash: '' };
  const { $jinlin: _, ...metadata } = meta;
  const position = e.position ?? { commit: resolved.commitPosition ?? 0n, prepare: resolved.commitPosition ?? 0n };
  return {
    globalPosition: Number(position.commit),
    checkpoint: `${position.commit}:${position.prepare}` as Checkpoint,
    streamId: e.streamId,
    streamVersion: Number(e.revision) + 1,
    type: e.type,
    schemaVersion: own.schemaVersion,
    data: e.data as Record<string, unknown>,
    metadata: metadata as EventMetadata,
    recordedAt: new Date(own.recordedAt),
    hash: own.hash,
  };
}
