import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type Position,
} from '@kurrent/kurrentdb-client';
import { GuardStreamChanged, IdempotencyKeyTaken, WrongExpectedVersion } from '../errors';
import { guardsOf, typedAs } from '../event-store.port';
import type {
  AnyEvent,
  AppendOptions,
  AppendResult,
  ChainVerdict,
  Checkpoint,
  EventShape,
  EventStore,
  IdempotencyRecord,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  StoreHead,
  StoredEvent,
  StreamHead,
} from '../event-store.port';
import { compareStreamIds } from '../seals';
import { UpcasterRegistry } from '../upcasters';
import { chainHash } from './kurrent-hash';
import { asProperties, idempotencyStream, IDEMPOTENCY_TYPE, isOwnBookkeeping, toStored, type StoredMeta } from './kurrent-records';

const MAX_ANY_RETRIES = 50;

/**
 * The EventStore port on KurrentDB/EventStoreDB through the official client. Versions are the
 * server's revisions + 1; checkpoints are $all positions; the hash chain is computed here; an
 * idempotency key is a one-event stream written atomically with the events (multi-stream append).
 */
export class KurrentEventStore implements EventStore {
  private readonly local = new EventEmitter();
  private subscription: ReturnType<KurrentDBClient['subscribeToAll']> | null = null;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly upcasters = new UpcasterRegistry(),
  ) {
    this.local.setMaxListeners(0);
  }

  static connect(connectionString: string, upcasters?: UpcasterRegistry): KurrentEventStore {
    return new KurrentEventStore(KurrentDBClient.connectionString(connectionString), upcasters);
  }

  async appendToStream<E extends EventShape>(
    streamId: string,
    events: readonly NewEvent<E>[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastOf(streamId);
      const current = last ? last.streamVersion : 0;
      const { expected } = options;
      if ((expected === 'no_stream' && current !== 0) || (typeof expected === 'number' && expected !== current)) {
        throw new WrongExpectedVersion(streamId, expected, current);
      }
      await this.checkGuard(options.guard);
      // An append of nothing (a decision that changes nothing) writes nothing, but its idempotency key.
      if (!events.length && !options.idempotency)
        return { nextVersion: current, positions: [], lastPosition: 0, checkpoint: '0:0' as Checkpoint };
      const records = this.chain(streamId, current, last?.hash ?? '', events);
      const state: AppendStreamState = current === 0 ? NO_STREAM : BigInt(current - 1);
      try {
        const position = await this.write(streamId, records, state, options, current + events.length);
        this.local.emit('appended');
        if (!events.length) return { nextVersion: current, positions: [], lastPosition: 0, checkpoint: '0:0' as Checkpoint };
        const checkpoint = `${position.commit}:${position.prepare}` as Checkpoint;
        return {
          nextVersion: current + events.length,
          positions: events.map(() => Number(position.commit)),
          lastPosition: Number(position.commit),
          checkpoint,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (options.idempotency && error.streamName === idempotencyStream(options.idempotency.scope, options.idempotency.key)) {
          throw new IdempotencyKeyTaken(options.idempotency.scope, options.idempotency.key);
        }
        // 'any' keeps the chain right by appending at the exact version it read, retrying on a race.
        if (expected !== 'any' || attempt >= MAX_ANY_RETRIES)
          throw new WrongExpectedVersion(streamId, expected, Number(error.actualState ?? -1) + 1);
      }
    }
  }

  /**
   * Each guard, one or several, in the order given, checked just before the append, not with it:
   * KurrentDB's conditional append (multi-stream included) covers only the streams it writes to,
   * and writing to a guard stream would move it. So a change of a guard stream in between is not
   * caught here (PostgreSQL's is), and two crossed appends (A guarded by B, B guarded by A) can
   * both pass: the races the guards close on PostgreSQL (community changes, crossed merges, a
   * person's role changing under an assignment) stay open, narrowly, on this adapter.
   */
  private async checkGuard(guard: AppendOptions['guard']): Promise<void> {
    for (const g of guardsOf(guard)) {
      const actual = (await this.lastOf(g.streamId))?.streamVersion ?? 0;
      if (actual !== g.version) throw new GuardStreamChanged(g.streamId, g.version, actual);
    }
  }

  private chain(streamId: string, current: number, previous: string, events: readonly NewEvent<EventShape>[]) {
    const recordedAt = new Date().toISOString();
    let prev = previous;
    return events.map((e, i) => {
      const schemaVersion = e.schemaVersion ?? this.upcasters.currentVersion(e.type);
      const metadata = e.metadata ?? {};
      const hash = chainHash(prev, { streamId, version: current + i + 1, type: e.type, schemaVersion, data: e.data, metadata, recordedAt });
      prev = hash;
      const meta: StoredMeta = { ...metadata, $jinlin: { schemaVersion, recordedAt, hash } };
      return jsonEvent({
        id: randomUUID(),
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: meta as unknown as Record<string, unknown>,
      });
    });
  }

  private async write(
    streamId: string,
    records: ReturnType<typeof jsonEvent>[],
    state: AppendStreamState,
    options: AppendOptions,
    version: number,
  ): Promise<Position> {
    const idem = options.idempotency;
    if (!idem) {
      const result = await this.client.appendToStream(streamId, records, { streamState: state });
      return result.position!;
    }
    const record = jsonEvent({ type: IDEMPOTENCY_TYPE, data: { ...idem, streamId, streamVersion: version } });
    const packed = records.map((r) => ({ ...r, metadata: asProperties(r.metadata as unknown as StoredMeta) }));
    const key = { streamName: idempotencyStream(idem.scope, idem.key), events: [record], expectedState: NO_STREAM as AppendStreamState };
    const result = await this.client.multiStreamAppend(
      packed.length ? [{ streamName: streamId, events: packed, expectedState: state }, key] : [key],
    );
    return { commit: result.position, prepare: result.position };
  }

  async readStream<E extends EventShape = AnyEvent>(streamId: string): Promise<StoredEvent<E>[]> {
    return typedAs<E>((await this.readStored(streamId)).map((e) => this.upcasters.upcast(e)));
  }

  /** As written, not upcast: the hash chain is over the stored data. */
  private async readStored(streamId: string): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS })) {
        if (resolved.event) out.push(toStored(resolved as AllStreamResolvedEvent));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async readAll<E extends EventShape = AnyEvent>({ after, limit, types }: ReadAllOptions): Promise<ReadAllResult<E>> {
    const from = after ? decode(after) : START;
    const filter = types ? eventTypeFilter({ regex: `^(${types.map(escapeRegex).join('|')})$` }) : excludeSystemEvents();
    // The end of the log before this read: a filtered read that comes back short has seen
    // everything up to there, matching or not, so its checkpoint may move past the other types.
    const end = types ? await this.head() : null;
    const events: StoredEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: limit + 1, filter })) {
      const e = resolved.event;
      if (!e || isOwnBookkeeping(e.type)) continue;
      if (after && `${e.position.commit}:${e.position.prepare}` === after) continue; // the start is inclusive
      events.push(this.upcasters.upcast(toStored(resolved)));
      if (events.length === limit) break;
    }
    const last = events[events.length - 1];
    const reached = last ? decode(last.checkpoint) : after ? decode(after) : null;
    if (events.length < limit && end?.checkpoint && (!reached || isAfter(decode(end.checkpoint), reached))) {
      return { events: typedAs<E>(events), checkpoint: end.checkpoint, position: end.position, scanned: events.length };
    }
    // The server filters; a page is as full as the matches it holds.
    return {
      events: typedAs<E>(events),
      checkpoint: last ? last.checkpoint : (after ?? null),
      position: last ? last.globalPosition : null,
      scanned: events.length,
    };
  }

  async findIdempotency(scope: string, key: string): Promise<IdempotencyRecord | null> {
    const [record] = await this.readStream(idempotencyStream(scope, key));
    if (!record) return null;
    const d = record.data as { requestHash: string; streamId: string; streamVersion: number; response: Record<string, unknown> };
    const events = await this.readStream(d.streamId);
    const at = events.find((e) => e.streamVersion === d.streamVersion);
    return {
      scope,
      key,
      requestHash: d.requestHash,
      streamId: d.streamId,
      streamVersion: d.streamVersion,
      response: d.response,
      globalPosition: at?.globalPosition ?? 0,
    };
  }

  async verifyStream(streamId: string): Promise<ChainVerdict> {
    return verifyEvents(streamId, await this.readStored(streamId));
  }

  async *verifyAll(onProgress?: (done: number) => void): AsyncIterable<ChainVerdict & { streamId: string }> {
    const seen = new Set<string>();
    for await (const resolved of this.client.readAll({ fromPosition: START, filter: excludeSystemEvents() })) {
      const e = resolved.event;
      if (!e || isOwnBookkeeping(e.type) || seen.has(e.streamId)) continue;
      seen.add(e.streamId);
      yield { streamId: e.streamId, ...(await this.verifyStream(e.streamId)) };
      onProgress?.(seen.size);
    }
  }

  async backlog(after: Checkpoint | null, cap: number) {
    const page = await this.readAll({ after, limit: cap });
    return { events: page.events.length, oldestRecordedAt: page.events[0]?.recordedAt ?? null };
  }

  async covers(checkpoint: Checkpoint | null, globalPosition: number): Promise<boolean> {
    return !!checkpoint && globalPosition > 0 && globalPosition <= Number(decode(checkpoint).commit);
  }

  async head(): Promise<StoreHead> {
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      filter: excludeSystemEvents(),
      maxCount: 100,
    })) {
      if (resolved.event && !isOwnBookkeeping(resolved.event.type)) {
        const stored = toStored(resolved);
        return { position: stored.globalPosition, checkpoint: stored.checkpoint };
      }
    }
    return { position: 0, checkpoint: null };
  }

  /** $all is written in commit order: nothing committed later can land before the head. */
  settledHead(): Promise<StoreHead> {
    return this.head();
  }

  /**
   * Folds $all from the start up to the checkpoint: as slow as reading the whole log, which a
   * daily seal and an audit can afford. (Not run here: the tests have no KurrentDB server.)
   */
  async streamHeads(at: Checkpoint): Promise<StreamHead[]> {
    const heads = new Map<string, StreamHead>();
    for (let after: Checkpoint | null = null; ;) {
      const page: ReadAllResult = await this.readAll({ after, limit: 1000 });
      for (const e of page.events) {
        if (isAfter(decode(e.checkpoint), decode(at))) return sorted(heads);
        heads.set(e.streamId, { streamId: e.streamId, version: e.streamVersion, hash: e.hash });
      }
      if (page.checkpoint === after || page.events.length === 0) return sorted(heads);
      after = page.checkpoint;
    }
  }

  onAppended(listener: () => void): () => void {
    this.local.on('appended', listener);
    this.subscribe();
    return () => this.local.off('appended', listener);
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    // Closing: a subscription that already failed has nothing left to stop, and dispose() ends the connection anyway.
    await this.subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /** Other processes' appends arrive through a live subscription to $all; ours are signalled locally. */
  private subscribe(): void {
    if (this.subscription) return;
    this.subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription.on('data', () => this.local.emit('appended'));
    // A dropped subscription only delays other processes' wake-ups (readers still poll): subscribe again in a second.
    this.subscription.on('error', () => {
      this.subscription = null;
      setTimeout(() => this.local.listenerCount('appended') && this.subscribe(), 1000).unref();
    });
  }

  private async lastOf(streamId: string): Promise<StoredEvent | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event) return toStored(resolved as AllStreamResolvedEvent);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return null;
  }
}

function decode(checkpoint: Checkpoint): Position {
  const [commit, prepare] = checkpoint.split(':');
  return { commit: BigInt(commit), prepare: BigInt(prepare ?? commit) };
}

const isAfter = (a: Position, b: Position) => a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);

const sorted = (heads: Map<string, StreamHead>) => [...heads.values()].sort((a, b) => compareStreamIds(a.streamId, b.streamId));

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function verifyEvents(streamId: string, events: readonly StoredEvent[]): ChainVerdict {
  let prev = '';
  for (const [i, e] of events.entries()) {
    const expected = chainHash(prev, {
      streamId,
      version: e.streamVersion,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      recordedAt: e.recordedAt.toISOString(),
    });
    if (expected !== e.hash || e.streamVersion !== i + 1) {
      return {
        valid: false,
        events: events.length,
        brokenAt: { streamId, streamVersion: e.streamVersion, globalPosition: e.globalPosition },
      };
    }
    prev = e.hash;
  }
  return { valid: true, events: events.length };
}
