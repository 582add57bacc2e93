import { randomInt } from 'node:crypto';
import { DomainError, type Event } from '@jinlin/domain';
import {
  GuardStreamChanged,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendGuard,
  type EventStore,
  type IdempotencyRecord,
  type NewEvent,
} from '@jinlin/event-store';
import type { CommandContext } from './command-context';
import type { DecideArgs } from './decide.command';
import { KeyedTurns } from './keyed-turns';

const streamTurns = new KeyedTurns();

export type CommandResult = Readonly<{ id: string; version: number; position: number }>;

/** Events to append, and the other stream they were decided on (appended only while it is unchanged). */
export type Decision<E> = Readonly<{ events: E[]; guard?: AppendGuard }>;

export type Evolver<State, E> = Readonly<{ initialState: () => State; evolve: (state: State, event: E) => State }>;

const MAX_ATTEMPTS = 60;

/**
 * Read the stream, fold it, decide, append at the version read. Without If-Match a lost race is
 * retried on fresh state (so the rules are judged again); with If-Match a stale version is 412.
 * An Idempotency-Key replays the first answer, or refuses (422) the same key with another body.
 */
export async function runDecider<State, E extends Event<string, object>>(
  store: EventStore,
  args: DecideArgs<State, E>,
): Promise<CommandResult> {
  // Commands on one stream in this process take turns: a burst then costs no lost races.
  return streamTurns.run(args.streamId, () => decideAndAppend(store, args));
}

async function decideAndAppend<State, E extends Event<string, object>>(
  store: EventStore,
  args: Parameters<typeof runDecider<State, E>>[1],
): Promise<CommandResult> {
  const { ctx, streamId } = args;
  const scope = ctx.actor.id;
  if (ctx.idempotency) {
    const earlier = await store.findIdempotency(scope, ctx.idempotency.key);
    if (earlier) return replay(earlier, ctx.idempotency.requestHash);
  }
  for (let attempt = 1; ; attempt++) {
    // A stream named by a UUID made for this request has nothing to read; if it somehow exists,
    // the append's no_stream check fails and the next attempt reads it like any other.
    const history = args.freshStream && attempt === 1 ? [] : await store.readStream(streamId);
    const version = history.length ? history[history.length - 1].streamVersion : 0;
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
      // A twin of this request (same key, another process) may be what moved the version.
      const earlier = ctx.idempotency && (await store.findIdempotency(scope, ctx.idempotency.key));
      if (earlier) return replay(earlier, ctx.idempotency!.requestHash);
      throw stale(ctx.expectedVersion, version);
    }
    const state = history.reduce(
      (s, e) => args.evolver.evolve(s, { type: e.type, data: e.data } as unknown as E),
      args.evolver.initialState(),
    );
    const decided = await args.decide(state);
    const { events, guard } = Array.isArray(decided) ? { events: decided, guard: undefined } : (decided as Decision<E>);
    try {
      const result = await store.appendToStream(
        streamId,
        events.map((e) => toNewEvent(e, ctx)),
        {
          expected: version === 0 ? 'no_stream' : version,
          guard,
          idempotency: ctx.idempotency && {
            scope,
            key: ctx.idempotency.key,
            requestHash: ctx.idempotency.requestHash,
            response: { id: args.id },
          },
        },
      );
      return { id: args.id, version: result.nextVersion, position: result.lastPosition };
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken)
        return replay((await store.findIdempotency(scope, error.key))!, ctx.idempotency!.requestHash);
      if (ctx.idempotency && (error instanceof WrongExpectedVersion || error instanceof GuardStreamChanged)) {
        // The version check runs before the key's in the store: a twin of this request may have
        // won the race, and its answer is ours.
        const earlier = await store.findIdempotency(scope, ctx.idempotency.key);
        if (earlier) return replay(earlier, ctx.idempotency.requestHash);
      }
      if (error instanceof GuardStreamChanged) {
        // Not a race on this stream: If-Match still holds or fails on the next read.
        args.onGuardChanged?.(error.streamId);
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('CONCURRENCY_CONFLICT');
        continue;
      }
      if (!(error instanceof WrongExpectedVersion)) throw error;
      if (ctx.expectedVersion !== undefined) throw stale(ctx.expectedVersion, error.actual);
      if (attempt >= MAX_ATTEMPTS) throw new DomainError('CONCURRENCY_CONFLICT');
      await new Promise((r) => setTimeout(r, randomInt(1, 4 + attempt * 2)));
    }
  }
}

function toNewEvent(event: Event<string, object>, ctx: CommandContext): NewEvent {
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: { id: ctx.actor.id, roles: ctx.actor.roles },
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? ctx.correlationId,
      ...(ctx.idempotency ? { idempotencyKey: ctx.idempotency.key } : {}),
    },
  };
}

function replay(record: IdempotencyRecord, requestHash: string): CommandResult {
  if (record.requestHash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  }
  return { id: String(record.response.id), version: record.streamVersion, position: record.globalPosition };
}

const stale = (expected: number, actual: number) => new DomainError('VERSION_MISMATCH', expected, actual);
