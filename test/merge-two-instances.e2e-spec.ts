import type { TestDatabase } from '@jinlin/testing';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §4.7: a merge leaves the primary open. A into B and B into A sent at the same moment to two
 * service instances on one database: each instance has its own copy of every module (its own
 * pools and in-process turn-taking, as another process would), so the two merges meet only at the
 * store. Each round exactly one of them is stored and the other answers 409; never both.
 */
let a: TestApp;
let b: TestApp;
let k: Tokens;

async function secondInstance(db: TestDatabase): Promise<TestApp> {
  let instance!: TestApp;
  await jest.isolateModulesAsync(async () => {
    const support = await import('./support/test-app');
    instance = await support.startInstance(db);
  });
  return instance;
}

beforeAll(async () => {
  a = await startTestApp('merge_two_instances');
  b = await secondInstance(a.db);
  k = await tokensFor(a);
  await seedWorld(a, k);
}, 60_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const ROUNDS = 25;

async function file(via: TestApp, token: string, title: string): Promise<{ id: string; position: number }> {
  const r = await http(via.url, 'POST', '/tickets', { token, body: ticketBody({ title }) });
  if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
  return r.body;
}

it(`when A is merged into B on one instance and B into A on the other at once, exactly one merge is stored each round (${ROUNDS} rounds)`, async () => {
  const answers: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const first = await file(a, k.residentA, `${round}号楼门禁坏了`);
    const second = await file(b, k.residentB, `${round}号楼门禁又坏了`);
    // Both instances have read both tickets before the race starts (their read models caught up).
    for (const via of [a, b])
      for (const t of [first, second])
        expect((await http(via.url, 'GET', `/tickets/${t.id}?minPosition=${t.position}`, { token: k.admin })).status).toBe(200);
    // Which instance merges which way alternates, so neither is always the faster one.
    const [x, y] = round % 2 ? [a, b] : [b, a];
    const [ab, ba] = await Promise.all([
      http(x.url, 'POST', `/tickets/${first.id}/merge`, { token: k.staff, body: { intoTicketId: second.id } }),
      http(y.url, 'POST', `/tickets/${second.id}/merge`, { token: k.manager, body: { intoTicketId: first.id } }),
    ]);
    answers.push([ab.status, ba.status].sort().join(' '));
    if (ab.status !== 200 && ba.status !== 200) continue; // recorded above, and the expectation below names it
    const position = Math.max(ab.body.position ?? 0, ba.body.position ?? 0);
    const statuses = await Promise.all(
      [first, second].map(
        async (t) => (await http(a.url, 'GET', `/tickets/${t.id}?minPosition=${position}`, { token: k.admin })).body.status,
      ),
    );
    expect(statuses.filter((s) => s === 'merged')).toHaveLength(1);
    const refused = ab.status === 409 ? ab : ba;
    expect(refused.body.code).toBe('MERGE_INTO_FINISHED');
  }
  expect(answers).toEqual(answers.map(() => '200 409'));
}, 180_000);
