import type { ErrorCode } from '@jinlin/domain';

export type Decider<Command, Event, State> = Readonly<{
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}>;

/** given(events).when(command).then(events) | .thenThrows(code) — the decider's specification. */
export const DeciderSpec = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>) {
    return (givenEvents: Event[]) => ({
      when(command: Command) {
        const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
        return {
          then(expected: Event[]) {
            expect(run()).toEqual(expected);
          },
          thenMatches(expected: Partial<Event>[]) {
            expect(run()).toMatchObject(expected);
          },
          thenThrows(code: ErrorCode) {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeDefined();
            expect((thrown as { code?: string }).code).toBe(code);
          },
        };
      },
    });
  },
};
