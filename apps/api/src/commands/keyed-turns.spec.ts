import { KeyedTurns } from './keyed-turns';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedTurns', () => {
  it('when tasks share a key, they run one at a time in arrival order', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => turns.run('k', task(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('when a task fails, the next one still runs and the key is forgotten afterwards', async () => {
    const turns = new KeyedTurns();
    const failed = turns.run('k', async () => {
      throw new Error('boom');
    });
    const next = turns.run('k', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await tick();
    expect(turns.size).toBe(0);
  });

  it('when keys differ, tasks overlap', async () => {
    const turns = new KeyedTurns();
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };
    await Promise.all([turns.run('a', task), turns.run('b', task)]);
    expect(most).toBe(2);
  });
});
