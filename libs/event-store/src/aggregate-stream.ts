import type { EventShape, EventStore, StoredEvent } from './event-store.port';

/** How a stream folds into state: the decider's half that reads. */
export type Evolver<State, E extends EventShape> = Readonly<{ initialState: () => State; evolve: (state: State, event: E) => State }>;

/** A stream's state and the version it was read at (0: no stream). */
export type Aggregate<State> = Readonly<{ state: State; version: number }>;

export function foldStream<State, E extends EventShape>(events: readonly StoredEvent<E>[], evolver: Evolver<State, E>): Aggregate<State> {
  // A StoredEvent<E> is an E with an envelope; for a generic E the compiler cannot see through the
  // conditional type that says so, so this is said once, here.
  const state = events.reduce((s, e) => evolver.evolve(s, e as unknown as E), evolver.initialState());
  return { state, version: events.length ? events[events.length - 1].streamVersion : 0 };
}

/** Read one stream and fold it (Emmett's aggregateStream). */
export async function aggregateStream<State, E extends EventShape>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, E>,
): Promise<Aggregate<State>> {
  return foldStream(await store.readStream<E>(streamId), evolver);
}
