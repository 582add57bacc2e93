import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens, type UserName } from './support/world';

/**
 * Issue 18 review: after a handover, the outgoing company's assignee was still told of a ticket
 * that had moved to the new company (a reporter's comment went to 嘉园's 小陈) until 海悦 assigned
 * it. The ticket moves with the handover's completion (TicketTransferred); from then on only the
 * managing company's people hear of it.
 */
let t: TestApp;
let k: Tokens;
let ticketId: string;
let last = 0;

beforeAll(async () => {
  t = await startTestApp('notifications-handover', { READ_YOUR_WRITES_TIMEOUT_MS: '20000' });
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(async () => t.close());

const post = async (path: string, who: UserName, body: unknown = {}) => {
  const r = await http(t.url, 'POST', path, { token: k[who], body });
  if (r.status >= 300) throw new Error(`POST ${path} answered ${r.status}: ${r.body?.detail}`);
  last = Math.max(last, r.body.position ?? 0);
  return r.body as { id: string; position: number };
};
/** The types of what the person was told of this ticket, newest first, once every write so far is applied. */
const told = async (who: UserName) => {
  const r = await http<{ items: { type: string; ticketId: string }[] }>(t.url, 'GET', `/notifications?minPosition=${last}&limit=100`, {
    token: k[who],
  });
  expect(r.status).toBe(200);
  expect(r.headers.get('jinlin-stale')).toBeNull();
  return r.body.items.filter((i) => i.ticketId === ticketId).map((i) => i.type);
};

async function completeHandover(): Promise<void> {
  const { id } = await post('/handovers', 'committee', { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '原物业公司退出' });
  const step = (name: string, who: UserName, extra: object = {}) =>
    post(`/handovers/${id}/steps/${name}/complete`, who, { note: `${name} 已完成`, ...extra });
  await step('exit_notice', 'committee');
  await step('residents_informed', 'secretary');
  await step('selection', 'committee', { incomingCompanyId: 'haiyue', method: 'owners_vote' });
  await step('contract_signed', 'committee');
  await step('archives', 'manager');
  await step('facilities_inspection', 'committee', { defects: [] });
  await step('keys_and_systems', 'staff');
  await step('service_continuity', 'otherManager');
  await step('funds_settled', 'staff');
  const done = await post(`/handovers/${id}/complete`, 'committee');
  // The transfer is the handover process's append: wait for it, then read the log's head through it.
  expect(await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(done.position, 10_000, ['handover-process'])).toBe(true);
  const timeline = await http(t.url, 'GET', `/tickets/${ticketId}/timeline`, { token: k.admin });
  const transferred = timeline.body.events.find((e: { type: string }) => e.type === 'TicketTransferred');
  expect(transferred).toMatchObject({ data: { fromCompanyId: 'jiayuan', toCompanyId: 'haiyue' } });
  last = Math.max(last, transferred.position);
}

it("after a handover, the outgoing company's assignee is not told of the moved ticket; the incoming company's is, once assigned", async () => {
  ({ id: ticketId } = await post('/tickets', 'residentA', ticketBody()));
  await post(`/tickets/${ticketId}/assign`, 'manager', { assigneeId: USERS.staff.sub });
  await post(`/tickets/${ticketId}/comments`, 'residentA', { text: '还是不动，请快一点' });
  expect(await told('staff')).toEqual(['TicketCommented', 'TicketAssigned', 'TicketFiled']);

  await completeHandover();
  await post(`/tickets/${ticketId}/comments`, 'residentA', { text: '新物业来了吗' });
  expect(await told('staff')).toEqual(['TicketCommented', 'TicketAssigned', 'TicketFiled']);

  await post(`/tickets/${ticketId}/assign`, 'otherManager', { assigneeId: USERS.otherStaff.sub });
  await post(`/tickets/${ticketId}/comments`, 'residentA', { text: '谢谢，等你们' });
  expect(await told('otherStaff')).toEqual(['TicketCommented', 'TicketAssigned']);
  expect(await told('staff')).toEqual(['TicketCommented', 'TicketAssigned', 'TicketFiled']);
});
