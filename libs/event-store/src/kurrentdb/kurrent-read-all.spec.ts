import { BACKWARDS, END, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { Checkpoint } from '../event-store.port';
import { KurrentEventStore } from './kurrent-event-store';

/**
 * The client is a boundary we do not own: this fake serves $all from memory the way the adapter
 * relies on (inclusive start, server-side type filter, maxCount, backwards from the end). The
 * real server runs the same contract in kurrent-event-store.int-spec.ts when EVENTSTOREDB_URL is set.
 */
function fakeClient(types: readonly string[]) {
  const log = types.map((type, i) => {
    const position = { commit: BigInt(i + 1), prepare: BigInt(i + 1) };
    return {
      event: { type, streamId: `s-${i}`, revision: 0n, data: {}, metadata: {}, created: new Date(0), position },
      commitPosition: position.commit,
    };
  });
  return {
    async *readAll(options: { fromPosition?: unknown; direction?: unknown; maxCount?: number; filter?: { regex: string } }) {
      const pattern = new RegExp(options.filter?.regex ?? '.');
      const backwards = options.direction === BACKWARDS;
      let rows = backwards ? [...log].reverse() : log;
      const from = options.fromPosition;
      if (from && from !== START && from !== END) rows = rows.filter((r) => r.event.position.commit >= (from as { commit: bigint }).commit);
      let sent = 0;
      for (const row of rows) {
        if (!pattern.test(row.event.type)) continue;
        if (sent++ === (options.maxCount ?? Infinity)) return;
        yield row;
      }
    },
  } as unknown as KurrentDBClient;
}

describe('KurrentEventStore.readAll with a type filter (against a fake client)', () => {
  it('when a filtered read comes back short, its checkpoint moves past the other types to the end of the log', async () => {
    const store = new KurrentEventStore(fakeClient(['Marker', 'Noise', 'Noise']));
    const page = await store.readAll({ after: null, limit: 50, types: ['Marker'] });
    expect(page.events.map((e) => e.type)).toEqual(['Marker']);
    expect(page.checkpoint).toBe('3:3');
    const again = await store.readAll({ after: page.checkpoint, limit: 50, types: ['Marker'] });
    expect(again.events).toEqual([]);
    expect(again.checkpoint).toBe(page.checkpoint); // the end: a checkpoint that no longer moves
  });

  it('when a filtered page is full, its checkpoint stays on its last match (more may follow)', async () => {
    const store = new KurrentEventStore(fakeClient(['Marker', 'Noise', 'Marker', 'Noise']));
    const page = await store.readAll({ after: null, limit: 1, types: ['Marker'] });
    expect(page.checkpoint).toBe('1:1');
    const next = await store.readAll({ after: page.checkpoint, limit: 1, types: ['Marker'] });
    expect(next.events.map((e) => e.globalPosition)).toEqual([3]);
    expect(next.checkpoint).toBe('3:3');
    const last = await store.readAll({ after: next.checkpoint as Checkpoint, limit: 1, types: ['Marker'] });
    expect([last.events.length, last.checkpoint]).toEqual([0, '4:4']);
  });
});
