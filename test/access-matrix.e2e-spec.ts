import type { TokenClaims } from '../apps/api/src/infrastructure/jwt-secret';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens, type UserName } from './support/world';

/** The 社区 and 街道 officials of 前埔 (and one of 新港): they oversee, they do not file (SPEC §2). */
const OFFICIALS = {
  neighbourhood: { sub: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] },
  subdistrict: { sub: 'sd-1', roles: ['subdistrict'], communities: ['qianpu'] },
  otherNeighbourhood: { sub: 'nb-9', roles: ['neighbourhood'], communities: ['xingang'] },
} satisfies Record<string, TokenClaims>;
type Caller = UserName | keyof typeof OFFICIALS;

/**
 * Every row of the SPEC §4 command table × every kind of caller: the allowed roles succeed,
 * callers in scope but not allowed get 403, callers outside the ticket's scope get 404.
 */
let t: TestApp;
let k: Tokens & Record<keyof typeof OFFICIALS, string>;
beforeAll(async () => {
  t = await startTestApp('access');
  const users = await tokensFor(t);
  await seedWorld(t, users);
  const officials = await Promise.all(Object.values(OFFICIALS).map((claims) => t.token(claims)));
  k = { ...users, neighbourhood: officials[0], subdistrict: officials[1], otherNeighbourhood: officials[2] };
});
afterAll(() => t.close());

type Stage = 'filed' | 'acted' | 'resolved';
const OUTSIDE: Caller[] = ['residentB', 'residentX', 'otherStaff', 'otherManager', 'otherSecretary', 'otherNeighbourhood'];
const EVERYONE = [...Object.keys(USERS), ...Object.keys(OFFICIALS)] as Caller[];

async function ticketAt(stage: Stage): Promise<string> {
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  if (stage === 'acted' || stage === 'resolved') {
    expect((await http(t.url, 'POST', `/tickets/${id}/actions`, { token: k.staff, body: { description: '已处理' } })).status).toBe(200);
  }
  if (stage === 'resolved') {
    expect((await http(t.url, 'POST', `/tickets/${id}/resolve`, { token: k.staff, body: { resolution: '已修好' } })).status).toBe(200);
  }
  return id;
}

type Row = Readonly<{ path: string; body: Record<string, unknown>; stage: Stage; allowed: Caller[]; required: string[] }>;

const ROWS: Row[] = [
  { path: 'acknowledge', body: { message: '收到' }, stage: 'filed', allowed: ['staff', 'manager', 'admin'], required: ['message'] },
  { path: 'assign', body: { assigneeId: 'staff-1' }, stage: 'filed', allowed: ['manager', 'admin'], required: ['assigneeId'] },
  { path: 'actions', body: { description: '派人清理' }, stage: 'filed', allowed: ['staff', 'manager', 'admin'], required: ['description'] },
  {
    path: 'comments',
    body: { text: '请尽快处理' },
    stage: 'filed',
    allowed: ['residentA', 'staff', 'manager', 'committee', 'secretary', 'neighbourhood', 'subdistrict', 'admin'],
    required: ['text'],
  },
  {
    path: 'comments',
    body: { text: '内部：等配件', internal: true },
    stage: 'filed',
    allowed: ['staff', 'manager', 'committee', 'secretary', 'neighbourhood', 'subdistrict', 'admin'],
    required: ['text'],
  },
  { path: 'resolve', body: { resolution: '已更换' }, stage: 'acted', allowed: ['staff', 'manager', 'admin'], required: ['resolution'] },
  { path: 'confirm', body: {}, stage: 'resolved', allowed: ['residentA'], required: [] },
  { path: 'reject', body: { reason: '还是坏的' }, stage: 'resolved', allowed: ['residentA'], required: ['reason'] },
  { path: 'rate', body: { score: 4 }, stage: 'resolved', allowed: ['residentA'], required: ['score'] },
  {
    path: 'escalate',
    body: { level: 'committee', reason: '没人管' },
    stage: 'filed',
    allowed: ['residentA', 'committee', 'secretary', 'neighbourhood', 'subdistrict', 'admin'],
    required: ['level', 'reason'],
  },
  { path: 'withdraw', body: {}, stage: 'filed', allowed: ['residentA'], required: [] },
  {
    path: 'wait',
    body: { on: 'resident', reason: '等业主在家' },
    stage: 'acted',
    allowed: ['staff', 'manager', 'admin'],
    required: ['on', 'reason'],
  },
];

describe.each(ROWS)('POST /tickets/:id/$path $body', (row) => {
  it.each(EVERYONE)('when %s sends it, the answer is as SPEC §2 says', async (user) => {
    const id = await ticketAt(row.stage);
    const r = await http(t.url, 'POST', `/tickets/${id}/${row.path}`, { token: k[user], body: row.body });
    const expected = row.allowed.includes(user) ? 200 : OUTSIDE.includes(user) ? 404 : 403;
    expect({ user, status: r.status, detail: r.body?.detail }).toMatchObject({ user, status: expected });
  });

  it('when a required field is missing or an unknown one is sent, the answer is 400 and nothing is written', async () => {
    const id = await ticketAt(row.stage);
    const caller = k[row.allowed[0]];
    if (row.required.length) {
      const missing = await http(t.url, 'POST', `/tickets/${id}/${row.path}`, { token: caller, body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveLength(row.required.length);
    }
    const unknown = await http(t.url, 'POST', `/tickets/${id}/${row.path}`, { token: caller, body: { ...row.body, sneaky: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual(['sneaky: property sneaky should not exist']);
    const timeline = await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin });
    expect(timeline.body.events).toHaveLength({ filed: 1, acted: 2, resolved: 3 }[row.stage]);
  });

  it('when the body is over 64 KiB, the answer is 413', async () => {
    const id = await ticketAt(row.stage);
    const r = await http(t.url, 'POST', `/tickets/${id}/${row.path}`, {
      token: k[row.allowed[0]],
      raw: JSON.stringify({ ...row.body, pad: 'x'.repeat(66_000) }),
    });
    expect(r.status).toBe(413);
  });

  it('when there is no token, the answer is 401', async () => {
    const id = await ticketAt(row.stage);
    expect((await http(t.url, 'POST', `/tickets/${id}/${row.path}`, { body: row.body })).status).toBe(401);
  });
});

describe('POST /tickets', () => {
  const allowed: Caller[] = ['residentA', 'residentB', 'staff', 'manager', 'committee', 'secretary', 'admin'];
  it.each(EVERYONE)('when %s files in 前埔一里西小区, the answer is as SPEC §2 says', async (user) => {
    const r = await http(t.url, 'POST', '/tickets', { token: k[user], body: ticketBody() });
    expect({ user, status: r.status }).toEqual({ user, status: allowed.includes(user) ? 201 : 403 });
  });

  it('when the community does not exist, the answer is 404', async () => {
    expect((await http(t.url, 'POST', '/tickets', { token: k.admin, body: ticketBody({ communityId: 'nowhere' }) })).status).toBe(404);
  });
});

describe('reads follow the same scope', () => {
  it('when each caller reads a ticket of 前埔, those outside get 404 on detail and timeline, and do not see it listed', async () => {
    const id = await ticketAt('filed');
    const position = (await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin })).body.events[0].position;
    for (const user of EVERYONE) {
      const expected = OUTSIDE.includes(user) ? 404 : 200;
      const detail = await http(t.url, 'GET', `/tickets/${id}?minPosition=${position}`, { token: k[user] });
      const timeline = await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k[user] });
      expect({ user, detail: detail.status, timeline: timeline.status }).toEqual({ user, detail: expected, timeline: expected });
      const list = await http(t.url, 'GET', `/tickets?limit=100&minPosition=${position}`, { token: k[user] });
      expect({ user, listed: list.body.items.some((i: { id: string }) => i.id === id) }).toEqual({ user, listed: expected === 200 });
    }
  });
});
