import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens, type UserName } from './support/world';

/**
 * SPEC §9 in the app, over HTTP: who is told of a filing, an assignment, a reporter's comment, an
 * escalation and a resolve; read marks; nobody reads another's; and the live stream (SSE) with its
 * heartbeat and its resume after Last-Event-ID.
 */
let t: TestApp;
let k: Tokens;
const A = USERS.residentA; // 王阿姨, the anonymous reporter
let ticketId: string;
let last = 0;

type Item = { id: string; type: string; ticketId: string; summary: string; createdAt: string; readAt: string | null };

beforeAll(async () => {
  t = await startTestApp('notifications', { NOTIFICATIONS_HEARTBEAT_MS: '100', READ_YOUR_WRITES_TIMEOUT_MS: '20000' });
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(async () => t.close());

const post = async (path: string, who: UserName, body: unknown = {}) => {
  const r = await http(t.url, 'POST', path, { token: k[who], body });
  expect({ path, status: r.status, detail: r.body?.detail }).toMatchObject({ status: path === '/tickets' ? 201 : 200 });
  last = Math.max(last, r.body.position);
  return r.body as { id: string; position: number };
};
/** The person's notifications once the projection has applied every write so far. */
const inbox = async (who: UserName, query = '') => {
  const r = await http<{ items: Item[]; nextCursor: string | null }>(t.url, 'GET', `/notifications?minPosition=${last}&limit=100${query}`, {
    token: k[who],
  });
  expect(r.status).toBe(200);
  expect(r.headers.get('jinlin-stale')).toBeNull();
  return r.body.items.filter((i) => i.ticketId === ticketId);
};
const types = async (who: UserName) => (await inbox(who)).map((i) => i.type);

describe('who is told', () => {
  beforeAll(async () => {
    ({ id: ticketId } = await post('/tickets', 'residentA', ticketBody({ anonymous: true, visibility: 'community' })));
  });

  it("when a resident files, the company's staff and manager are told; the resident and the other company are not", async () => {
    const [staff] = await inbox('staff');
    expect(staff).toMatchObject({ type: 'TicketFiled', ticketId, summary: '【新报事】前埔一里西小区 · 3号楼电梯停运', readAt: null });
    expect(await types('manager')).toEqual(['TicketFiled']);
    expect(await types('residentA')).toEqual([]);
    expect(await types('otherStaff')).toEqual([]);
    expect(await types('otherManager')).toEqual([]);
  });

  it('when the reporter is anonymous, nothing the company is told names them', async () => {
    const r = await http(t.url, 'GET', `/notifications?minPosition=${last}`, { token: k.staff });
    expect(r.text).not.toContain(A.sub);
    expect(r.text).not.toContain(A.name);
  });

  it('when a manager assigns, the assignee is told and the manager is not', async () => {
    await post(`/tickets/${ticketId}/assign`, 'manager', { assigneeId: USERS.staff.sub });
    expect(await types('staff')).toEqual(['TicketAssigned', 'TicketFiled']);
    expect(await types('manager')).toEqual(['TicketFiled']);
  });

  it('when the reporter comments, the assignee is told', async () => {
    await post(`/tickets/${ticketId}/comments`, 'residentA', { text: '还是不动，请快一点' });
    const [newest] = await inbox('staff');
    expect(newest).toMatchObject({ type: 'TicketCommented', summary: '【居民留言】前埔一里西小区 · 3号楼电梯停运' });
  });

  it("when the reporter escalates, the committee and the company's managers are told", async () => {
    await post(`/tickets/${ticketId}/escalate`, 'residentA', { level: 'committee', reason: '三天了' });
    expect(await types('committee')).toEqual(['TicketEscalated']);
    expect((await types('manager'))[0]).toBe('TicketEscalated');
    expect(await types('residentA')).toEqual([]);
  });

  it('when it is resolved, the reporter and a supporter are told, and the resolver is not', async () => {
    await post(`/tickets/${ticketId}/support`, 'residentB');
    await post(`/tickets/${ticketId}/acknowledge`, 'staff', { message: '收到，马上安排' });
    await post(`/tickets/${ticketId}/actions`, 'staff', { description: '更换了控制板' });
    await post(`/tickets/${ticketId}/resolve`, 'staff', { resolution: '电梯已恢复运行' });
    const [reporter] = await inbox('residentA');
    expect(reporter).toMatchObject({ type: 'TicketResolved', summary: '【已处理】前埔一里西小区 · 3号楼电梯停运' });
    expect(await types('residentB')).toEqual(['TicketResolved']);
    expect((await types('staff'))[0]).not.toBe('TicketResolved');
  });
});

describe('read marks', () => {
  it('when the person marks one read, it leaves the unread list and keeps its first read time', async () => {
    const [n] = await inbox('residentA');
    const first = await http(t.url, 'POST', `/notifications/${n.id}/read`, { token: k.residentA });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: n.id, readAt: expect.any(String) });
    const again = await http(t.url, 'POST', `/notifications/${n.id}/read`, { token: k.residentA });
    expect(again.body.readAt).toBe(first.body.readAt);
    expect((await inbox('residentA', '&unread=true')).map((i) => i.id)).not.toContain(n.id);
    expect((await inbox('residentA')).map((i) => i.id)).toContain(n.id);
  });

  it("when someone marks another person's notification, it answers 404, as for one that does not exist", async () => {
    const [n] = await inbox('residentA');
    expect((await http(t.url, 'POST', `/notifications/${n.id}/read`, { token: k.residentB })).status).toBe(404);
    expect((await http(t.url, 'POST', `/notifications/999999999/read`, { token: k.residentB })).status).toBe(404);
    expect((await http(t.url, 'POST', `/notifications/not-an-id/read`, { token: k.residentB })).status).toBe(404);
  });

  it('when the cursor is not one, it answers 400 naming it', async () => {
    const r = await http(t.url, 'GET', `/notifications?cursor=abc`, { token: k.staff });
    expect(r.status).toBe(400);
    expect(r.text).toContain('cursor');
  });

  it('when nobody is signed in, it answers 401', async () => {
    expect((await http(t.url, 'GET', `/notifications`)).status).toBe(401);
  });
});

/** An SSE client over fetch: collects the text as it comes and waits until a condition holds. */
async function connect(who: UserName | { cookie: string }, lastEventId?: string) {
  const controller = new AbortController();
  const credentials = typeof who === 'string' ? { authorization: `Bearer ${k[who]}` } : who;
  const headers: Record<string, string> = { ...credentials, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(`${t.url}/notifications/stream`, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events = () =>
    text
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => ({ id: /^id: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]) as Item }));
  const until = async (done: () => boolean) => {
    while (!done()) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended before the condition held: ${text}`);
      text += decoder.decode(chunk.value, { stream: true });
    }
  };
  const ended = async () => {
    for (;;) if ((await reader.read()).done) return true;
  };
  return { until, events, ended, text: () => text, close: () => controller.abort() };
}

describe('the live stream', () => {
  it('when connected, heartbeats come while nothing happens', async () => {
    const stream = await connect('residentA');
    await stream.until(() => stream.text().includes(': heartbeat\n\n'));
    stream.close();
  });

  it('when a notification is written, it arrives live with its id; reconnecting with Last-Event-ID brings the one missed', async () => {
    const stream = await connect('residentA');
    await stream.until(() => stream.text().includes(': connected'));
    await post(`/tickets/${ticketId}/comments`, 'staff', { text: '请您确认电梯是否正常' });
    await stream.until(() => stream.events().length === 1);
    const [live] = stream.events();
    expect(live.data).toMatchObject({ type: 'TicketCommented', ticketId, summary: '【物业回复】前埔一里西小区 · 3号楼电梯停运' });
    expect(live.id).toBe(live.data.id);
    stream.close();

    await post(`/tickets/${ticketId}/comments`, 'staff', { text: '明天再来检查一次' });
    await inbox('residentA'); // the projection has written it while nobody listened
    const again = await connect('residentA', live.id);
    await again.until(() => again.events().length === 1);
    const [missed] = again.events();
    expect(Number(missed.id)).toBeGreaterThan(Number(live.id));
    expect(missed.data).toMatchObject({ type: 'TicketCommented', ticketId });
    again.close();
  });

  it("when another person is told something, this person's stream does not carry it", async () => {
    const stream = await connect('residentB');
    await stream.until(() => stream.text().includes(': connected'));
    await post(`/tickets/${ticketId}/comments`, 'residentA', { text: '谢谢' }); // tells the assignee only
    await inbox('staff');
    await stream.until(() => stream.text().split(': heartbeat').length > 2);
    expect(stream.events()).toEqual([]);
    stream.close();
  });

  it('when the web app signs in with a cookie, the stream runs; when that session signs out, the stream ends', async () => {
    const password = 'lantern by the west gate';
    const body = { id: 'zhou-s', name: '周叔', roles: ['resident'], communities: ['qianpu'], username: 'zhou', password };
    expect((await http(t.url, 'POST', '/people', { token: k.admin, body })).status).toBe(201);
    const signIn = await http(t.url, 'POST', '/auth/sign-in', { body: { username: 'zhou', password } });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
    const stream = await connect({ cookie });
    await stream.until(() => stream.text().includes(': heartbeat'));
    const out = await http(t.url, 'POST', '/auth/sign-out', { headers: { cookie, 'x-csrf-token': signIn.body.csrfToken } });
    expect(out.status).toBe(204);
    expect(await stream.ended()).toBe(true);
  });

  it('when Last-Event-ID is not an id, it answers 400 naming it', async () => {
    const r = await http(t.url, 'GET', '/notifications/stream', { token: k.staff, headers: { 'last-event-id': 'x' } });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Last-Event-ID');
  });
});
