export const EVENT_STORE = Symbol('EVENT_STORE');

/** Opaque to consumers: each adapter encodes its own read position in it. */
export type Checkpoint = string & { readonly __checkpoint: unique symbol };

export type ExpectedVersion = 'no_stream' | 'any' | number;

export type ActorRef = Readonly<{ id: string; roles: readonly string[] }>;

export type EventMetadata = Readonly<{
  actor?: ActorRef;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}>;

/** What the log holds of an event: a type tag and plain data (the domain's event unions fit it). */
export type EventShape = Readonly<{ type: string; data: object }>;

/** An event whose type the reader does not know in advance. */
export type AnyEvent = Readonly<{ type: string; data: Record<string, unknown> }>;

export type NewEvent<E extends EventShape = EventShape> = E extends EventShape
  ? Readonly<{ type: E['type']; data: E['data']; metadata?: EventMetadata; schemaVersion?: number }>
  : never;

type StoredEnvelope = Readonly<{
  globalPosition: number;
  checkpoint: Checkpoint;
  streamId: string;
  streamVersion: number;
  schemaVersion: number;
  metadata: EventMetadata;
  recordedAt: Date;
  hash: string;
}>;

/**
 * An event as read back, typed by the union its reader expects. Distributes over the union, so a
 * `switch (e.type)` narrows `e.data` as it does for the domain's own events.
 */
export type StoredEvent<E extends EventShape = AnyEvent> = E extends EventShape
  ? StoredEnvelope & Readonly<{ type: E['type']; data: E['data'] }>
  : never;

/** Written in the same transaction as the events it produced. */
export type IdempotencyRequest = Readonly<{
  scope: string;
  key: string;
  requestHash: string;
  response: Record<string, unknown>;
}>;

export type IdempotencyRecord = Readonly<{
  scope: string;
  key: string;
  requestHash: string;
  streamId: string;
  response: Record<string, unknown>;
  streamVersion: number;
  globalPosition: number;
}>;

/** Another stream the decision was made on: the append commits only while it is at this version. */
export type AppendGuard = Readonly<{ streamId: string; version: number }>;

export type AppendOptions = Readonly<{
  expected: ExpectedVersion;
  idempotency?: IdempotencyRequest;
  /**
   * The stream, or streams, the decision was made on besides the one appended to. A stale guard
   * fails the append with GuardStreamChanged (naming that stream) and writes nothing. One guard is
   * the common case and costs nothing extra; several (a merge decided on both tickets, an
   * assignment on the assignee's person stream) are checked together with the append.
   */
  guard?: AppendGuard | readonly AppendGuard[];
}>;

/** The guards of an append as a list, each stream once (a stream named twice at two versions is kept twice: one of them fails). */
export function guardsOf(guard: AppendOptions['guard']): readonly AppendGuard[] {
  if (!guard) return [];
  if (!Array.isArray(guard)) return [guard as AppendGuard];
  const seen = new Set<string>();
  return (guard as readonly AppendGuard[]).filter((g) => {
    const key = `${g.version}\u0000${g.streamId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type AppendResult = Readonly<{
  nextVersion: number;
  positions: readonly number[];
  lastPosition: number;
  checkpoint: Checkpoint;
}>;

export type ReadAllOptions = Readonly<{
  after?: Checkpoint | null;
  limit: number;
  types?: readonly string[];
}>;

export type ReadAllResult<E extends EventShape = AnyEvent> = Readonly<{
  events: readonly StoredEvent<E>[];
  /**
   * Where the next read continues; unchanged when nothing new was read, which is the only sign of
   * the end. With a type filter it may move past events of other types, so a page can hold fewer
   * than `limit` events, even none, before the end.
   */
  checkpoint: Checkpoint | null;
  /** The global position of the event the checkpoint stands on (null when it does not move). */
  position: number | null;
  /** How much of the log this page covered; equal to `limit` when more may follow at once. */
  scanned: number;
}>;

export type ChainVerdict =
  | Readonly<{ valid: true; events: number }>
  | Readonly<{ valid: false; events: number; brokenAt: { streamId: string; streamVersion: number; globalPosition: number } }>;

export type StoreHead = Readonly<{ position: number; checkpoint: Checkpoint | null }>;

/** The last event of one stream at some point of the log: what an audit seal covers (SPEC §8.1). */
export type StreamHead = Readonly<{ streamId: string; version: number; hash: string }>;

export interface EventStore {
  appendToStream<E extends EventShape>(streamId: string, events: readonly NewEvent<E>[], options: AppendOptions): Promise<AppendResult>;
  /**
   * The stream's events, upcast to their current shape. `E` is the reader's word for what the
   * stream holds (a ticket stream holds TicketEvents): the store checks no types.
   */
  readStream<E extends EventShape = AnyEvent>(streamId: string): Promise<StoredEvent<E>[]>;
  /** `E` likewise: the union that `types` selects (every event when `types` is absent). */
  readAll<E extends EventShape = AnyEvent>(options: ReadAllOptions): Promise<ReadAllResult<E>>;
  findIdempotency(scope: string, key: string): Promise<IdempotencyRecord | null>;
  verifyStream(streamId: string): Promise<ChainVerdict>;
  /** Every stream, in one pass; yields each broken stream. */
  verifyAll(onProgress?: (done: number) => void): AsyncIterable<ChainVerdict & { streamId: string }>;
  /** Events not yet read after a checkpoint (capped) and the age of the oldest of them. */
  backlog(after: Checkpoint | null, cap: number): Promise<{ events: number; oldestRecordedAt: Date | null }>;
  /** True when the event at this global position lies at or before the checkpoint in read order. */
  covers(checkpoint: Checkpoint | null, globalPosition: number): Promise<boolean>;
  head(): Promise<StoreHead>;
  /**
   * The last event in read order that no later commit can precede (PostgreSQL: below the oldest
   * running transaction), so what lies at or before it never changes. head() may stand past an
   * open transaction's event, which then lands before it.
   */
  settledHead(): Promise<StoreHead>;
  /** Every stream's last event at or before the checkpoint in read order, sorted by stream id. */
  streamHeads(at: Checkpoint): Promise<StreamHead[]>;
  /** Called (possibly late, possibly coalesced) after events were appended anywhere. */
  onAppended(listener: () => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one place where rows of the log become the reader's union. The log checks no types: the
 * stream a reader names (or the types it filters on) is its promise of what it will get.
 */
export const typedAs = <E extends EventShape>(events: readonly StoredEvent[]): StoredEvent<E>[] => events as unknown as StoredEvent<E>[];
