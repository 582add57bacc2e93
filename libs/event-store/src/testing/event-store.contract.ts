import { randomUUID } from 'node:crypto';
import { GuardStreamChanged, IdempotencyKeyTaken, WrongExpectedVersion } from '../errors';
import type { Checkpoint, EventStore, NewEvent, ReadAllResult, StoredEvent } from '../event-store.port';
import { UpcasterRegistry } from '../upcasters';

export type StoreFactory = (upcasters?: UpcasterRegistry) => Promise<EventStore>;

const ev = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  type,
  data,
  metadata: { actor: { id: 'u-1', roles: ['staff'] }, correlationId: randomUUID() },
});

async function readEverything(store: EventStore, types?: string[]): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after: Checkpoint | null = null;
  for (;;) {
    const page: ReadAllResult = await store.readAll({ after, limit: 7, types });
    if (page.checkpoint === after) return all;
    all.push(...page.events);
    after = page.checkpoint;
  }
}

/** Every EventStore adapter must pass these. */
export type ContractOptions = Readonly<{
  /** An event this adapter cannot store (e.g. NUL in PostgreSQL text, an oversized event in KurrentDB). */
  unstorable?: NewEvent;
}>;

export function eventStoreContract(name: string, makeStore: StoreFactory, options: ContractOptions = {}): void {
  describe(`${name} — EventStore contract`, () => {
    let store: EventStore;
    const opened: EventStore[] = [];
    const open = async (upcasters?: UpcasterRegistry) => {
      const s = await makeStore(upcasters);
      opened.push(s);
      return s;
    };
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });
    const stream = () => `test-${randomUUID()}`;

    it('when events are appended to a new stream, they read back in order with every stored field', async () => {
      const id = stream();
      const result = await store.appendToStream(id, [ev('A', { n: 1 }), ev('B', { n: 2 })], { expected: 'no_stream' });
      expect(result.nextVersion).toBe(2);
      expect(result.positions).toHaveLength(2);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
        ['A', 1, { n: 1 }],
        ['B', 2, { n: 2 }],
      ]);
      expect(events[0].globalPosition).toBeLessThan(events[1].globalPosition);
      expect(events[0].metadata.actor).toEqual({ id: 'u-1', roles: ['staff'] });
      expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(events[0].hash).not.toEqual(events[1].hash);
      expect(events[0].recordedAt).toBeInstanceOf(Date);
      expect(events[0].schemaVersion).toBe(1);
    });

    it('when the expected version is stale, the append throws WrongExpectedVersion and writes nothing', async () => {
      const id = stream();
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream' });
      await expect(store.appendToStream(id, [ev('B'), ev('C')], { expected: 0 })).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(store.appendToStream(id, [ev('B')], { expected: 'no_stream' })).rejects.toMatchObject({ actual: 1 });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A']);
    });

    it('when a guard stream is still at the given version, the append lands; once it moved, it throws GuardStreamChanged and writes nothing', async () => {
      const guarded = stream();
      const id = stream();
      await store.appendToStream(guarded, [ev('Policy')], { expected: 'no_stream' });
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream', guard: { streamId: guarded, version: 1 } });
      await store.appendToStream(guarded, [ev('PolicyChanged')], { expected: 1 });
      const stale = store.appendToStream(id, [ev('B')], { expected: 1, guard: { streamId: guarded, version: 1 } });
      await expect(stale).rejects.toBeInstanceOf(GuardStreamChanged);
      await expect(stale).rejects.toMatchObject({ streamId: guarded, expected: 1, actual: 2 });
      await expect(
        store.appendToStream(stream(), [ev('A')], { expected: 'no_stream', guard: { streamId: stream(), version: 1 } }),
      ).rejects.toMatchObject({ actual: 0 });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A']);
    });

    it('when several guards are given, the append lands while all of them hold; one that moved fails it, named, and nothing is written', async () => {
      const [first, second] = [stream(), stream()];
      const id = stream();
      await store.appendToStream(first, [ev('Policy')], { expected: 'no_stream' });
      await store.appendToStream(second, [ev('Person'), ev('RoleGranted')], { expected: 'no_stream' });
      const both = [
        { streamId: first, version: 1 },
        { streamId: second, version: 2 },
      ];
      expect(await store.appendToStream(id, [ev('A')], { expected: 'no_stream', guard: both })).toMatchObject({ nextVersion: 1 });
      await store.appendToStream(second, [ev('RoleRevoked')], { expected: 2 });
      const stale = store.appendToStream(id, [ev('B')], { expected: 1, guard: both });
      await expect(stale).rejects.toBeInstanceOf(GuardStreamChanged);
      await expect(stale).rejects.toMatchObject({ streamId: second, expected: 2, actual: 3 });
      // A stream that does not exist stands at version 0, among others as alone.
      await expect(
        store.appendToStream(id, [ev('B')], { expected: 1, guard: [both[0], { streamId: stream(), version: 1 }] }),
      ).rejects.toMatchObject({ expected: 1, actual: 0 });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A']);
    });

    it('when the guard list holds one guard it acts as that guard, and an empty list guards nothing', async () => {
      const guarded = stream();
      const id = stream();
      await store.appendToStream(guarded, [ev('Policy'), ev('PolicyChanged')], { expected: 'no_stream' });
      await expect(
        store.appendToStream(id, [ev('A')], { expected: 'no_stream', guard: [{ streamId: guarded, version: 1 }] }),
      ).rejects.toMatchObject({ streamId: guarded, expected: 1, actual: 2 });
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream', guard: [{ streamId: guarded, version: 2 }] });
      await store.appendToStream(id, [ev('B')], { expected: 1, guard: [] });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('when an append with several guards carries an idempotency key, a reuse writes nothing', async () => {
      const [guarded, id, key] = [stream(), stream(), randomUUID()];
      await store.appendToStream(guarded, [ev('Policy')], { expected: 'no_stream' });
      const guard = [
        { streamId: guarded, version: 1 },
        { streamId: stream(), version: 0 },
      ];
      const idempotency = { scope: 'tests', key, requestHash: 'h', response: { id } };
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream', guard, idempotency });
      await expect(store.appendToStream(id, [ev('B')], { expected: 'any', guard, idempotency })).rejects.toBeInstanceOf(
        IdempotencyKeyTaken,
      );
      expect(await store.findIdempotency('tests', key)).toMatchObject({ streamId: id, streamVersion: 1 });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('when one event of a batch cannot be stored, none of the batch is stored', async () => {
      const id = stream();
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream' });
      const unstorable = options.unstorable ?? ev('B', { text: 'bad \u0000 byte' });
      await expect(store.appendToStream(id, [ev('ok'), unstorable], { expected: 1 })).rejects.toThrow();
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A']);
    });

    it('when 50 appends race at the same expected version, exactly one wins', async () => {
      const id = stream();
      await store.appendToStream(id, [ev('A')], { expected: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.appendToStream(id, [ev('Race', { i })], { expected: 1 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => (o as PromiseRejectedResult).reason instanceof WrongExpectedVersion)).toBe(true);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it("when appends race with expected 'any', all of them land with contiguous versions", async () => {
      const id = stream();
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendToStream(id, [ev('Any', { i })], { expected: 'any' })));
      const events = await store.readStream(id);
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('when reading all in pages, every event comes once, in global order, across streams', async () => {
      const fresh = await open();
      const before = await readEverything(fresh);
      const ids = [stream(), stream(), stream()];
      for (let round = 0; round < 5; round++) {
        for (const id of ids) await fresh.appendToStream(id, [ev('Paged', { round })], { expected: 'any' });
      }
      const after = (await readEverything(fresh)).slice(before.length);
      const ours = after.filter((e) => ids.includes(e.streamId));
      expect(ours).toHaveLength(15);
      const positions = ours.map((e) => e.globalPosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(after.map((e) => e.globalPosition)).size).toBe(after.length);
    });

    it('when many writers append to one stream at once, reading all sees that stream in version order', async () => {
      const id = stream();
      const marker = `Ordered-${randomUUID()}`;
      await Promise.all(Array.from({ length: 30 }, () => store.appendToStream(id, [ev(marker)], { expected: 'any' })));
      const seen = await readEverything(store, [marker]);
      expect(seen.map((e) => e.streamVersion)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });

    it('when reading all with a type filter, only those types come back', async () => {
      const id = stream();
      const marker = `Only-${randomUUID()}`;
      await store.appendToStream(id, [ev('Other'), ev(marker), ev('Other'), ev(marker)], { expected: 'no_stream' });
      const seen = await readEverything(store, [marker]);
      expect(seen.map((e) => [e.streamId, e.streamVersion])).toEqual([
        [id, 2],
        [id, 4],
      ]);
    });

    it('when a filtered read reaches the end, its checkpoint lies past the other types too', async () => {
      const marker = `Sparse-${randomUUID()}`;
      await store.appendToStream(stream(), [ev(marker), ev('Noise'), ev('Noise')], { expected: 'no_stream' });
      let after: Checkpoint | null = null;
      for (;;) {
        const page: ReadAllResult = await store.readAll({ after, limit: 50, types: [marker] });
        if (page.checkpoint === after) break;
        after = page.checkpoint;
      }
      expect(await store.backlog(after, 10)).toMatchObject({ events: 0 });
    });

    it('when an idempotency key is given, its record is stored with the events and a reuse writes nothing', async () => {
      const id = stream();
      const key = randomUUID();
      const idempotency = { scope: 'tests', key, requestHash: 'h1', response: { id } };
      const first = await store.appendToStream(id, [ev('A')], { expected: 'no_stream', idempotency });
      const record = await store.findIdempotency('tests', key);
      expect(record).toMatchObject({ requestHash: 'h1', streamId: id, streamVersion: 1, response: { id } });
      expect(record?.globalPosition).toBe(first.lastPosition);
      await expect(store.appendToStream(id, [ev('B')], { expected: 'any', idempotency })).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect(await store.readStream(id)).toHaveLength(1);
      expect(await store.findIdempotency('tests', randomUUID())).toBeNull();
    });

    it('when a stream is intact, its hash chain verifies', async () => {
      const id = stream();
      await store.appendToStream(id, [ev('A', { text: '电梯坏了 🚧' }), ev('B')], { expected: 'no_stream' });
      await store.appendToStream(id, [ev('C')], { expected: 2 });
      expect(await store.verifyStream(id)).toEqual({ valid: true, events: 3 });
    });

    it('when an older schema version is stored, readers get it upcast to the current shape', async () => {
      const upcasters = new UpcasterRegistry().register('Renamed', 1, (d) => ({ fullName: d.name }));
      const upcasting = await open(upcasters);
      const id = stream();
      await upcasting.appendToStream(id, [{ ...ev('Renamed', { name: '王芳' }), schemaVersion: 1 }], { expected: 'no_stream' });
      await upcasting.appendToStream(id, [ev('Renamed', { fullName: '李雷' })], { expected: 1 });
      const events = await upcasting.readStream(id);
      expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
        [2, { fullName: '王芳' }],
        [2, { fullName: '李雷' }],
      ]);
    });

    it('when an upcast stream is verified, its chain holds: the hashes are over the data as stored', async () => {
      const upcasting = await open(new UpcasterRegistry().register('Renamed', 1, (d) => ({ fullName: d.name })));
      const id = stream();
      await upcasting.appendToStream(id, [{ ...ev('Renamed', { name: '王芳' }), schemaVersion: 1 }], { expected: 'no_stream' });
      expect((await upcasting.readStream(id))[0].data).toEqual({ fullName: '王芳' });
      expect(await upcasting.verifyStream(id)).toEqual({ valid: true, events: 1 });
    });

    it('when events are appended, subscribers are woken', async () => {
      const woken = new Promise<void>((resolve) => {
        const off = store.onAppended(() => {
          off();
          resolve();
        });
      });
      await store.appendToStream(stream(), [ev('Wake')], { expected: 'no_stream' });
      await expect(woken).resolves.toBeUndefined();
    });

    it('when a checkpoint lies past an event, covers() says so; before it, not', async () => {
      const id = stream();
      const first = await store.appendToStream(id, [ev('A')], { expected: 'no_stream' });
      const second = await store.appendToStream(id, [ev('B')], { expected: 1 });
      expect(await store.covers(second.checkpoint, first.lastPosition)).toBe(true);
      expect(await store.covers(first.checkpoint, second.lastPosition)).toBe(false);
      expect(await store.covers(null, first.lastPosition)).toBe(false);
    });

    it("when the heads are asked at a checkpoint, each stream's last event at or before it comes, sorted, and later ones do not", async () => {
      const [x, y, z] = [stream(), stream(), stream()].sort();
      await store.appendToStream(y, [ev('A'), ev('B')], { expected: 'no_stream' });
      const first = await store.appendToStream(x, [ev('A')], { expected: 'no_stream' });
      await store.appendToStream(y, [ev('C')], { expected: 2 });
      const last = await store.appendToStream(z, [ev('A')], { expected: 'no_stream' });
      const ours = async (at: Checkpoint) => (await store.streamHeads(at)).filter((h) => [x, y, z].includes(h.streamId));
      const [xs, ys] = [await store.readStream(x), await store.readStream(y)];
      expect(await ours(first.checkpoint)).toEqual([
        { streamId: x, version: 1, hash: xs[0].hash },
        { streamId: y, version: 2, hash: ys[1].hash },
      ]);
      // The horizon is the cluster's: a transaction elsewhere may hold it back for a moment.
      let settled = await store.settledHead();
      for (let i = 0; i < 100 && !(await store.covers(settled.checkpoint, last.lastPosition)); i++) {
        await new Promise((r) => setTimeout(r, 50));
        settled = await store.settledHead();
      }
      expect(settled.checkpoint).not.toBeNull();
      expect((await ours(settled.checkpoint!)).map((h) => [h.streamId, h.version])).toEqual([
        [x, 1],
        [y, 3],
        [z, 1],
      ]);
      const all = await store.streamHeads(settled.checkpoint!);
      expect(all.map((h) => h.streamId)).toEqual([...all.map((h) => h.streamId)].sort());
    });
  });
}
