import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens } from './support/world';

/**
 * SPEC §4.7 over HTTP: an anonymous reporter is never in any answer the company gets (asserted on
 * the raw response text); a neighbour sees a community-visible ticket in part and supports it once;
 * a merge makes the duplicate merged and its reporter a supporter of the primary; §6's merged.
 */
let t: TestApp;
let k: Tokens;
const A = USERS.residentA; // 王阿姨, the anonymous reporter
const leaks = (text: string) => text.includes(A.sub) || text.includes(A.name);
/** The latest position any write of this file answered: reads that count everything wait for it. */
let latest = 0;

beforeAll(async () => {
  t = await startTestApp('visibility');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(async () => t.close());

const post = (path: string, token: string, body?: unknown) => http(t.url, 'POST', path, { token, body });
const get = (path: string, token: string) => http(t.url, 'GET', path, { token });
const file = async (token: string, overrides: Record<string, unknown> = {}) => {
  const r = await post('/tickets', token, ticketBody(overrides));
  expect({ status: r.status, detail: r.body?.detail }).toMatchObject({ status: 201 });
  latest = Math.max(latest, r.body.position);
  return r.body as { id: string; position: number };
};

describe('an anonymous ticket', () => {
  let id: string;
  let last: number;
  beforeAll(async () => {
    ({ id, position: last } = await file(k.residentA, { anonymous: true }));
    // The reporter's own events: a comment and an escalation, and the company's answer.
    for (const [path, token, body] of [
      [`/tickets/${id}/comments`, k.residentA, { text: '还是不动' }],
      [`/tickets/${id}/acknowledge`, k.staff, { message: '收到' }],
      [`/tickets/${id}/escalate`, k.residentA, { level: 'committee', reason: '太慢' }],
    ] as const) {
      const r = await post(path, token, body);
      expect(r.status).toBe(200);
      last = r.body.position;
    }
  });

  it('when staff read it, the list, the ticket and the timeline never name the reporter; the reporter shows as 匿名居民', async () => {
    const one = await get(`/tickets/${id}?minPosition=${last}`, k.staff);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ reporterId: null, reporterName: null, reporter: '匿名居民', anonymous: true });
    const list = await get(`/tickets?communityId=qianpu&minPosition=${last}`, k.staff);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ reporterId: null, reporter: '匿名居民' });
    const timeline = await get(`/tickets/${id}/timeline`, k.staff);
    expect(timeline.status).toBe(200);
    const mine = timeline.body.events.filter((e: { type: string }) =>
      ['TicketFiled', 'TicketCommented', 'TicketEscalated'].includes(e.type),
    );
    expect(mine.map((e: { actor: unknown }) => e.actor)).toEqual(Array(3).fill({ id: null, name: '匿名居民', roles: ['resident'] }));
    for (const r of [one, list, timeline]) expect(leaks(r.text)).toBe(false);
  });

  it('when a manager of any company reads it, the reporter stays hidden', async () => {
    const r = await get(`/tickets/${id}/timeline`, k.manager);
    expect(r.status).toBe(200);
    expect(leaks(r.text)).toBe(false);
  });

  it('when staff filter by the reporter, they do not find it', async () => {
    const r = await get(`/tickets?reporterId=${A.sub}&minPosition=${last}`, k.staff);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('when the committee reads it, it sees the reporter and finds it by reporterId', async () => {
    const one = await get(`/tickets/${id}?minPosition=${last}`, k.committee);
    expect(one.body).toMatchObject({ reporterId: A.sub, reporterName: A.name });
    const timeline = await get(`/tickets/${id}/timeline`, k.committee);
    expect(timeline.body.events[0].actor).toMatchObject({ id: A.sub, name: A.name });
    const list = await get(`/tickets?reporterId=${A.sub}`, k.committee);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('when the reporter reads it, they see themself', async () => {
    const one = await get(`/tickets/${id}?minPosition=${last}`, k.residentA);
    expect(one.body).toMatchObject({ reporterId: A.sub });
  });

  it('when staff file anonymously for nobody, it is 400 naming anonymous and nothing is filed', async () => {
    const r = await post('/tickets', k.staff, ticketBody({ anonymous: true, title: '匿名无报告人' }));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('anonymous');
    const list = await get('/tickets?q=匿名无报告人', k.admin);
    expect(list.body.items).toEqual([]);
  });

  it('when anonymous is not a boolean, it is 400 naming it', async () => {
    const r = await post('/tickets', k.residentA, ticketBody({ anonymous: 'yes' }));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('anonymous');
  });
});

describe('a community-visible ticket', () => {
  let id: string;
  let position: number;
  beforeAll(async () => {
    ({ id, position } = await file(k.residentA, {
      visibility: 'community',
      title: '地下车库漏水',
      description: '我家1203楼下车位',
      location: { area: '地下车库', room: '1203', note: '王阿姨家楼下' },
    }));
  });

  it('when a neighbour reads it, they see title, category, place, status and support count, never the reporter or description', async () => {
    const one = await get(`/tickets/${id}?minPosition=${position}`, k.residentB);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, title: '地下车库漏水', category: 'elevator', status: 'open', supportCount: 0, reporterId: null });
    expect(one.body).not.toHaveProperty('description');
    // The room and the note would point at the reporter's flat: neighbours get the public place only.
    expect(one.body.location).toEqual({ area: '地下车库' });
    expect(leaks(one.text)).toBe(false);
    expect(one.text).not.toContain('1203');
    const list = await get(`/tickets?visibility=community&minPosition=${position}`, k.residentB);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(leaks(list.text)).toBe(false);
  });

  it("when a neighbour's own ticket finds it among the similar ones, only its public place shows", async () => {
    const own = await file(k.residentB, { visibility: 'community', title: '地下车库漏水了', location: { area: '地下车库' } });
    const r = await get(`/tickets/${own.id}/similar?minPosition=${own.position}`, k.residentB);
    expect(r.status).toBe(200);
    expect(r.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ location: { area: '地下车库' } });
    expect(r.text).not.toContain('1203');
    expect(leaks(r.text)).toBe(false);
  });

  it('when a neighbour asks for its timeline, it is not found', async () =>
    expect((await get(`/tickets/${id}/timeline`, k.residentB)).status).toBe(404));
  it('when a resident of another community reads it, it is not found', async () =>
    expect((await get(`/tickets/${id}?minPosition=${position}`, k.residentX)).status).toBe(404));

  it('when a neighbour supports it, the count goes up; a second time is 409 ALREADY_SUPPORTED', async () => {
    const first = await post(`/tickets/${id}/support`, k.residentB, {});
    expect(first.status).toBe(200);
    const again = await post(`/tickets/${id}/support`, k.residentB, {});
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ALREADY_SUPPORTED' });
    const one = await get(`/tickets/${id}?minPosition=${first.body.position}`, k.staff);
    expect(one.body.supportCount).toBe(1);
  });

  it('when the reporter supports their own, it is 409; a resident elsewhere, 404; staff, 403', async () => {
    expect((await post(`/tickets/${id}/support`, k.residentA, {})).status).toBe(409);
    expect((await post(`/tickets/${id}/support`, k.residentX, {})).status).toBe(404);
    expect((await post(`/tickets/${id}/support`, k.staff, {})).status).toBe(403);
  });

  it('when a neighbour filters by the reporter, the ticket is not found that way', async () => {
    const r = await get(`/tickets?reporterId=${A.sub}`, k.residentB);
    expect(r.body.items).toEqual([]);
  });

  it('when a neighbour searches, the title is searched but never the description they may not read', async () => {
    const byTitle = await get(`/tickets?visibility=community&q=${encodeURIComponent('车库漏水')}&minPosition=${position}`, k.residentB);
    expect(byTitle.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const byDescription = await get(`/tickets?visibility=community&q=1203`, k.residentB);
    expect(byDescription.body.items).toEqual([]);
    const byStaff = await get(`/tickets?q=1203`, k.staff);
    expect(byStaff.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const byAssignee = await get(`/tickets?visibility=community&escalationLevel=committee`, k.residentB);
    expect(byAssignee.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });
});

describe('merge', () => {
  let primary: string;
  let duplicate: string;
  let last: number;
  beforeAll(async () => {
    ({ id: primary } = await file(k.residentB, { title: '2号楼电梯坏了', visibility: 'community' }));
    ({ id: duplicate } = await file(k.residentA, { title: '2号楼电梯又坏了' }));
  });

  it('when staff merge a duplicate, it is merged and its reporter supports the primary', async () => {
    const r = await post(`/tickets/${duplicate}/merge`, k.staff, { intoTicketId: primary });
    expect(r.status).toBe(200);
    last = r.body.position;
    const dup = await get(`/tickets/${duplicate}?minPosition=${last}`, k.staff);
    expect(dup.body).toMatchObject({ status: 'merged', mergedIntoTicketId: primary });
    const timeline = await get(`/tickets/${primary}/timeline`, k.staff);
    const recorded = timeline.body.events.find((e: { type: string }) => e.type === 'TicketDuplicateMerged');
    expect(recorded.data).toMatchObject({ duplicateId: duplicate, supporterId: A.sub });
    last = Math.max(last, recorded.position);
    const one = await get(`/tickets/${primary}?minPosition=${last}`, k.staff);
    expect(one.body.supportCount).toBe(1);
    const merged = await get(`/tickets?status=merged&minPosition=${last}`, k.staff);
    expect(merged.body.items.map((i: { id: string }) => i.id)).toEqual([duplicate]);
  });

  it("when the duplicate's reporter then supports the primary, they already count: 409", async () => {
    const r = await post(`/tickets/${primary}/support`, k.residentA, {});
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'ALREADY_SUPPORTED' });
  });

  it('when merged again, into itself, into a merged ticket, or across communities, it is 409', async () => {
    const other = await file(k.residentA, { title: '另一个' });
    const elsewhere = await file(k.residentX, { communityId: 'xingang' });
    const cases = [
      [duplicate, primary, k.staff],
      [other.id, other.id, k.staff],
      [other.id, duplicate, k.staff],
      [other.id, elsewhere.id, k.admin],
    ] as const;
    for (const [from, into, token] of cases) {
      const r = await post(`/tickets/${from}/merge`, token, { intoTicketId: into });
      expect({ from, into, status: r.status }).toEqual({ from, into, status: 409 });
    }
  });

  it('when a resident merges, it is 403; intoTicketId missing or malformed is 400 naming it', async () => {
    const other = await file(k.residentA, { title: '再一个' });
    expect((await post(`/tickets/${other.id}/merge`, k.residentA, { intoTicketId: primary })).status).toBe(403);
    for (const body of [{}, { intoTicketId: 'nope' }]) {
      const r = await post(`/tickets/${other.id}/merge`, k.staff, body);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('intoTicketId');
    }
  });

  it('when a merged ticket is acted on, it is 409; a comment is still taken', async () => {
    expect((await post(`/tickets/${duplicate}/acknowledge`, k.staff, { message: '收到' })).status).toBe(409);
    const comment = await post(`/tickets/${duplicate}/comments`, k.residentA, { text: '好的' });
    expect(comment.status).toBe(200);
    latest = Math.max(latest, comment.body.position, last);
  });

  it('when the dashboard is read, merged counts the merge and nothing else counts the merged ticket', async () => {
    const r = await get(`/dashboards/summary?communityId=qianpu&minPosition=${latest}`, k.committee);
    expect(r.status).toBe(200);
    expect(r.body.total.merged).toBe(1);
    const filed = (await get(`/tickets?communityId=qianpu&limit=100&minPosition=${latest}`, k.admin)).body.items.length;
    expect(r.body.total.filed).toBe(filed);
    expect(r.body.total.backlog).toBe(filed - 1 - r.body.total.withdrawn);
  });
});

describe('merges sent at once', () => {
  it('when A is merged into B and B into A at the same moment, one of them is refused and one ticket stays open', async () => {
    const { id: a } = await file(k.residentA, { title: '5号楼门禁坏了' });
    const { id: b } = await file(k.residentB, { title: '5号楼门禁又坏了' });
    const [ab, ba] = await Promise.all([
      post(`/tickets/${a}/merge`, k.staff, { intoTicketId: b }),
      post(`/tickets/${b}/merge`, k.manager, { intoTicketId: a }),
    ]);
    expect([ab.status, ba.status].sort()).toEqual([200, 409]);
    const statuses = await Promise.all(
      [a, b].map(
        async (x) =>
          (await get(`/tickets/${x}?minPosition=${Math.max(ab.body.position ?? 0, ba.body.position ?? 0)}`, k.admin)).body.status,
      ),
    );
    expect(statuses.filter((st) => st === 'merged')).toHaveLength(1);
  });

  it('when an anonymous primary absorbs a duplicate filed for its own reporter, the count and the events read as for anyone', async () => {
    const { id: primary } = await file(k.residentA, { title: '6号楼水压低', anonymous: true });
    const forA = await post('/tickets', k.staff, ticketBody({ title: '6号楼水压低（电话）', reporterId: A.sub, channel: 'phone' }));
    const forB = await post(
      '/tickets',
      k.staff,
      ticketBody({ title: '6号楼水压低（上门）', reporterId: USERS.residentB.sub, channel: 'walk_in' }),
    );
    let last = 0;
    for (const dup of [forA.body.id, forB.body.id])
      last = (await post(`/tickets/${dup}/merge`, k.staff, { intoTicketId: primary })).body.position;
    const seen = await get(`/tickets/${primary}?minPosition=${last}`, k.staff);
    expect(seen.body.supportCount).toBe(2);
    const timeline = await get(`/tickets/${primary}/timeline`, k.staff);
    const carried = timeline.body.events.filter((e: { type: string }) => e.type === 'TicketDuplicateMerged');
    expect(carried).toHaveLength(2);
    // Both carried-over supporters read alike to staff: neither is singled out as the primary's reporter.
    expect(carried.map((e: { data: { supporterId: string | null } }) => e.data.supporterId)).toEqual([null, null]);
    expect(timeline.text).not.toContain(USERS.residentB.sub);
  });
});

describe('changing who sees a ticket', () => {
  it('when staff show a resident’s private ticket about a public area to the community, neighbours see it; the reporter may take it back', async () => {
    const { id, position } = await file(k.residentA, { title: '中庭花园路灯不亮', location: { area: '中庭花园' } });
    expect((await get(`/tickets/${id}?minPosition=${position}`, k.residentB)).status).toBe(404);
    const shown = await post(`/tickets/${id}/visibility`, k.staff, { visibility: 'community' });
    expect(shown.status).toBe(200);
    const seen = await get(`/tickets/${id}?minPosition=${shown.body.position}`, k.residentB);
    expect(seen.status).toBe(200);
    expect(seen.body.reporterId ?? null).toBeNull();
    const same = await post(`/tickets/${id}/visibility`, k.staff, { visibility: 'community' });
    expect([same.status, same.body.version]).toEqual([200, shown.body.version]);
    expect((await post(`/tickets/${id}/visibility`, k.residentB, { visibility: 'private' })).status).toBe(404);
    expect((await post(`/tickets/${id}/visibility`, k.otherStaff, { visibility: 'private' })).status).toBe(404);
    const back = await post(`/tickets/${id}/visibility`, k.residentA, { visibility: 'private' });
    expect(back.status).toBe(200);
    expect((await get(`/tickets/${id}?minPosition=${back.body.position}`, k.residentB)).status).toBe(404);
    const bad = await post(`/tickets/${id}/visibility`, k.residentA, { visibility: 'public' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/visibility/);
  });
});
