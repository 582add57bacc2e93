import { HANDOVER_STEPS } from '@jinlin/domain';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §5: completion is atomic with access. Once POST /handovers/:id/complete has answered, no
 * command of the outgoing company's staff on the community's tickets succeeds, and they read none
 * of them. Before completion appointed the incoming company itself, a comment sent on the answer
 * was still stored (before the process's TicketTransferred) and reads worked for 20-40 ms.
 */
let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('handover_race');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

const ROUNDS = 8;
// Every step completion requires; service_continuity may follow it (SPEC §5).
const STEPS = HANDOVER_STEPS.filter((step) => step !== 'service_continuity');

async function ok(r: Promise<{ status: number; text: string; body: any }>, status = [200, 201]) {
  const answer = await r;
  if (!status.includes(answer.status)) throw new Error(`${answer.status} ${answer.text}`);
  return answer.body;
}

it(`when the outgoing staff act on the completion's answer, nothing of theirs succeeds (${ROUNDS} rounds)`, async () => {
  const post = (path: string, token: string, body: unknown = {}) => http(t.url, 'POST', path, { token, body });
  const outcomes: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const communityId = `race-${round}`;
    await ok(
      post('/communities', k.admin, {
        id: communityId,
        name: `小区 ${round}`,
        subdistrict: '莲前街道',
        neighbourhood: '前埔社区',
        propertyCompanyId: 'jiayuan',
      }),
    );
    const resident = await t.token({ sub: `res-race-${round}`, roles: ['resident'], communities: [communityId] });
    const tickets = [];
    for (let i = 0; i < 3; i++)
      tickets.push((await ok(post('/tickets', resident, ticketBody({ communityId, title: `电梯 ${i}` })))).id as string);
    const { id } = await ok(post('/handovers', k.admin, { communityId, outgoingCompanyId: 'jiayuan', reason: '退出' }));
    for (const step of STEPS) {
      const extra = step === 'selection' ? { incomingCompanyId: 'haiyue', method: 'owners_vote' } : {};
      await ok(post(`/handovers/${id}/steps/${step}/complete`, k.admin, { note: step, ...extra }));
    }
    const done = await post(`/handovers/${id}/complete`, k.admin);
    expect(done.status).toBe(200);
    // On the answer, all at once: what the outgoing company's people might still try.
    const tries = await Promise.all(
      tickets.flatMap((ticket) => [
        post(`/tickets/${ticket}/comments`, k.staff, { text: '我们还在' }),
        post(`/tickets/${ticket}/actions`, k.staff, { description: '还想处理' }),
        post(`/tickets/${ticket}/acknowledge`, k.manager, { message: '收到' }),
        http(t.url, 'GET', `/tickets/${ticket}`, { token: k.staff }),
        http(t.url, 'GET', `/tickets/${ticket}/timeline`, { token: k.staff }),
      ]),
    );
    outcomes.push(...tries.map((r) => String(r.status)));
    const listed = await http(t.url, 'GET', `/tickets?communityId=${communityId}`, { token: k.staff });
    expect(listed.body.items ?? []).toEqual([]);
    // Let the process move the tickets before the next round, so shutdown finds it idle.
    expect(await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(done.body.position, 20_000, ['handover-process'])).toBe(true);
  }
  expect(new Set(outcomes)).toEqual(new Set(['404']));
}, 120_000);
