import { randomInt } from 'node:crypto';
import { DomainError } from '@jinlin/domain';
import {
  aggregateStream,
  GuardStreamChanged,
  guardsOf,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendGuard,
  type EventShape,
  type EventStore,
  type Evolver,
  type IdempotencyRecord,
  type NewEvent,
} from '@jinlin/event-store';
import type { CommandContext } from './command-context';
import { KeyedTurns } from './keyed-turns';

export type CommandResult = Readonly<{ id: string; version: number; position: number }>;

/** Events to append, and the other streams they were decided on (appended only while each is unchanged). */
export type Decision<E> = Readonly<{ events: readonly E[]; guard?: AppendGuard | readonly AppendGuard[] }>;

/** The decision, guarded also by another stream it was made on (a person named in the command, say). */
export const alsoGuardedBy = <E>(decision: Decision<E>, guard: AppendGuard): Decision<E> => ({
  ...decision,
  guard: decision.guard ? [...guardsOf(decision.guard), guard] : guard,
});

/** The decider's half that writes, bound to one command: state in, decision out. */
export type Decide<State, E> = (state: State) => Decision<E> | Promise<Decision<E>>;

export type HandleOptions = Readonly<{
  /** The id the answer names (the ticket's, the handover's …). */
  id: string;
  ctx: CommandContext;
  /** The stream id was just made up (a new UUID): decide on the empty state without reading it. */
  freshStream?: boolean;
  /** The guard's stream moved: whoever cached it should forget it. */
  onGuardChanged?: (streamId: string) => void;
}>;

const MAX_ATTEMPTS = 60;
const streamTurns = new KeyedTurns();

/**
 * Emmett's CommandHandler: read the stream, fold it, decide, append at the version read. Without
 * If-Match a lost race is retried on fresh state (so the rules are judged again); with If-Match a
 * stale version is 412. An Idempotency-Key replays the first answer, or refuses (422) the same key
 * with another body. Commands on one stream in this process take turns, so a burst on one ticket
 * costs no lost races; other processes still meet at the store's expected-version check.
 */
export function handleCommand<State, E extends EventShape>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, E>,
  decide: Decide<State, E>,
  options: HandleOptions,
): Promise<CommandResult> {
  return streamTurns.run(streamId, async () => {
    const earlier = await replayed(store, options.ctx);
    return earlier ?? retried(store, streamId, evolver, decide, options);
  });
}

type Attempt = Readonly<{ result: CommandResult } | { retry: 'race' | 'guard' }>;

async function retried<State, E extends EventShape>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, E>,
  decide: Decide<State, E>,
  options: HandleOptions,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await decideAndAppend(store, streamId, evolver, decide, options, attempt);
    if ('result' in outcome) return outcome.result;
    if (attempt >= MAX_ATTEMPTS) throw new DomainError('CONCURRENCY_CONFLICT');
    // A guard that moved is not a race on this stream: the next read decides again at once.
    if (outcome.retry === 'race') await new Promise((r) => setTimeout(r, randomInt(1, 4 + attempt * 2)));
  }
}

/** One attempt: read, fold, decide, append. A lost race asks for another attempt. */
async function decideAndAppend<State, E extends EventShape>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, E>,
  decide: Decide<State, E>,
  { id, ctx, freshStream, onGuardChanged }: HandleOptions,
  attempt: number,
): Promise<Attempt> {
  // A stream named by a UUID made for this request has nothing to read; if it somehow exists,
  // the append's no_stream check fails and the next attempt reads it like any other.
  const { state, version } =
    freshStream && attempt === 1 ? { state: evolver.initialState(), version: 0 } : await aggregateStream(store, streamId, evolver);
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
    // A twin of this request (same key, another process) may be what moved the version.
    return { result: (await replayed(store, ctx)) ?? stale(ctx.expectedVersion, version) };
  }
  const { events, guard } = await decide(state);
  try {
    const appended = await store.appendToStream(
      streamId,
      events.map((e) => toNewEvent(e, ctx)),
      {
        expected: version === 0 ? 'no_stream' : version,
        guard,
        idempotency: ctx.idempotency && { scope: ctx.actor.id, ...ctx.idempotency, response: { id } },
      },
    );
    return { result: { id, version: appended.nextVersion, position: appended.lastPosition } };
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken || error instanceof WrongExpectedVersion || error instanceof GuardStreamChanged) {
      // The version check runs before the key's in the store: a twin of this request may have
      // won the race, and its answer is ours.
      const earlier = await replayed(store, ctx);
      if (earlier) return { result: earlier };
    }
    if (error instanceof GuardStreamChanged) {
      onGuardChanged?.(error.streamId);
      return { retry: 'guard' };
    }
    if (!(error instanceof WrongExpectedVersion)) throw error;
    if (ctx.expectedVersion !== undefined) stale(ctx.expectedVersion, error.actual);
    return { retry: 'race' };
  }
}

/** The first answer to this Idempotency-Key, if it was given; a different body with it is refused. */
async function replayed(store: EventStore, ctx: CommandContext): Promise<CommandResult | null> {
  if (!ctx.idempotency) return null;
  const record = await store.findIdempotency(ctx.actor.id, ctx.idempotency.key);
  return record && replay(record, ctx.idempotency.requestHash);
}

function replay(record: IdempotencyRecord, requestHash: string): CommandResult {
  if (record.requestHash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  }
  return { id: String(record.response.id), version: record.streamVersion, position: record.globalPosition };
}

function toNewEvent<E extends EventShape>(event: E, ctx: CommandContext): NewEvent<E> {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      actor: { id: ctx.actor.id, roles: ctx.actor.roles },
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? ctx.correlationId,
      ...(ctx.idempotency ? { idempotencyKey: ctx.idempotency.key } : {}),
    },
  } as NewEvent<E>; // NewEvent<E> distributes over E: for a generic E the compiler needs the word
}

function stale(expected: number, actual: number): never {
  throw new DomainError('VERSION_MISMATCH', expected, actual);
}
