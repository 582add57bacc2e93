import { GroupCommit, type Outcome } from './group-commit';

/** A send whose batches stay open until the test releases them, recording each batch's items. */
function controlledSend() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const send = (items: readonly number[]) => {
    batches.push([...items]);
    return new Promise<readonly Outcome<number>[]>((resolve) =>
      release.push(() =>
        resolve(items.map((n) => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 }))),
      ),
    );
  };
  return { batches, release, send };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('sends an item alone at once when nothing is in flight', async () => {
    const { batches, release, send } = controlledSend();
    const group = new GroupCommit(send, 1, 64);
    const answer = group.submit(1);
    expect(batches).toEqual([[1]]);
    release[0]();
    await expect(answer).resolves.toBe(10);
  });

  it('sends what arrived meanwhile together, once a batch in flight settles', async () => {
    const { batches, release, send } = controlledSend();
    const group = new GroupCommit(send, 1, 64);
    const answers = [1, 2, 3, 4].map((n) => group.submit(n));
    expect(batches).toEqual([[1]]);
    release[0]();
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release[1]();
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40]);
  });

  it('keeps up to maxInFlight batches open and caps each at maxItems', async () => {
    const { batches, release, send } = controlledSend();
    const group = new GroupCommit(send, 2, 2);
    const answers = [1, 2, 3, 4, 5, 6, 7].map((n) => group.submit(n));
    expect(batches).toEqual([[1], [2]]);
    release[0]();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    release[1]();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    release[2]();
    await tick();
    release[3]();
    await tick();
    release[4]();
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(batches[4]).toEqual([7]);
  });

  it('settles each item on its own: a refused item fails alone', async () => {
    const { release, send } = controlledSend();
    const group = new GroupCommit(send, 1, 64);
    const first = group.submit(1);
    const [good, bad] = [group.submit(2), group.submit(-3)];
    release[0]();
    await first;
    await tick();
    release[1]();
    await expect(good).resolves.toBe(20);
    await expect(bad).rejects.toThrow('refused -3');
  });

  it('when a whole batch fails, every item of that batch gets the error and the next batch still goes', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(
      async (items) => {
        calls++;
        if (calls === 1) throw new Error('connection lost');
        return items.map((n) => ({ ok: true, value: n }));
      },
      1,
      64,
    );
    await expect(group.submit(1)).rejects.toThrow('connection lost');
    await expect(group.submit(2)).resolves.toBe(2);
  });

  it('when send throws instead of returning a promise, the batch fails and the slot is freed for the next', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(
      (items) => {
        calls++;
        if (calls === 1) throw new TypeError('cannot serialise');
        return Promise.resolve(items.map((n) => ({ ok: true, value: n })));
      },
      1,
      64,
    );
    await expect(group.submit(1)).rejects.toThrow('cannot serialise');
    await expect(group.submit(2)).resolves.toBe(2);
  });
});
