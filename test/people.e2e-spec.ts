import { createHash } from 'node:crypto';
import { canonicalJson } from '../apps/api/src/commands/command-context';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §2.1 over real HTTP: who registers whom, who sees whom (and how much of the phone), who
 * changes what, PIPL access and deletion — and that the event log never holds a name or a phone.
 */
let t: TestApp;
let tokens: Tokens;
const as = (user: keyof Tokens) => ({ token: tokens[user] });

const WANG = {
  id: 'wang-ayi',
  name: '王秀英阿姨',
  roles: ['resident'],
  communities: ['qianpu'],
  phone: '13912345678',
  username: 'wang.xiuying',
};
const CHEN = {
  id: 'chen-shifu',
  name: '陈建国师傅',
  roles: ['staff'],
  companyId: 'jiayuan',
  phone: '13700001111',
  username: 'chen.jianguo',
};
const FAR = { id: 'zhao-xiansheng', name: '赵先生', roles: ['resident'], communities: ['xingang'], phone: '13655556666' };
const PASSWORD = 'lift-fixed-at-last-2026';

beforeAll(async () => {
  t = await startTestApp('people');
  tokens = await tokensFor(t);
  await seedWorld(t, tokens);
  expect((await http(t.url, 'POST', '/people', { ...as('admin'), body: { ...WANG, password: PASSWORD } })).status).toBe(201);
  expect((await http(t.url, 'POST', '/people', { ...as('admin'), body: CHEN })).status).toBe(201);
  expect((await http(t.url, 'POST', '/people', { ...as('admin'), body: FAR })).status).toBe(201);
}, 60_000);

afterAll(() => t?.close());

/** The projection behind GET /people follows the log: wait for everything written so far. */
const list = async (user: keyof Tokens, query = '') => {
  const head = await sql<{ position: number }>(t, `SELECT coalesce(max(global_position), 0) AS position FROM es_events`);
  const sep = query ? '&' : '?';
  return http(t.url, 'GET', `/people${query}${sep}minPosition=${head[0].position}`, as(user));
};

describe('registering', () => {
  it('answers 201 with the id and version, and the person can be read back at once', async () => {
    const r = await http(t.url, 'POST', '/people', {
      ...as('admin'),
      body: { id: 'li-nainai', name: '李奶奶', roles: ['resident'], communities: ['qianpu'] },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'li-nainai', version: 1 });
    const got = await http(t.url, 'GET', '/people/li-nainai', as('admin'));
    expect(got.body).toMatchObject({
      id: 'li-nainai',
      name: '李奶奶',
      roles: ['resident'],
      communities: ['qianpu'],
      companyId: null,
      erased: false,
    });
  });

  it('refuses a taken id and a taken username (whatever its case) with 409, writing nothing', async () => {
    const again = await http(t.url, 'POST', '/people', { ...as('admin'), body: { ...WANG, username: 'someone-else' } });
    expect(again.status).toBe(409);
    const taken = await http(t.url, 'POST', '/people', {
      ...as('admin'),
      body: { id: 'wang-2', name: '王二', roles: ['resident'], communities: ['qianpu'], username: 'WANG.XiuYing' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toMatch(/username/);
    expect((await http(t.url, 'GET', '/people/wang-2', as('admin'))).status).toBe(404);
    const rows = await sql(t, `SELECT count(*)::int AS n FROM es_events WHERE stream_id = 'person-wang-2'`);
    expect(rows[0].n).toBe(0);
  });

  it.each([
    [{ password: 'short-1' }, /password: must be at least 10 characters/],
    [{ password: 'xx-newbie-99-xx' }, /password: must not contain the username/],
    [{ username: undefined, password: 'long-enough-secret' }, /password: a password needs a username/],
  ])('refuses a weak password %j with 400 naming the rule', async (over, message) => {
    const body = { id: 'newbie', name: '新人', roles: ['resident'], communities: ['qianpu'], username: 'newbie-99', ...over };
    const r = await http(t.url, 'POST', '/people', { ...as('admin'), body });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(message);
  });

  it.each([
    [{ roles: ['mayor'] }, /roles must be one of/],
    [{ roles: [] }, /roles should not be empty/],
    [{ roles: ['staff'], communities: [] }, /companyId: staff and managers belong to a property company/],
    [{ roles: ['staff'], communities: [], companyId: 'no-such-co' }, /companyId: property company no-such-co is not registered/],
    [{ communities: ['atlantis'] }, /communities: not registered: atlantis/],
    [{ communities: [] }, /communities: a resident belongs to at least one community/],
    [{ phone: 'call me' }, /phone must be a phone number/],
    [{ name: '' }, /name/],
    [{ id: 'Not A Slug' }, /id must be 2-64 characters/],
    [{ extra: 1 }, /property extra should not exist/],
  ])('refuses bad input %j with 400 naming the field', async (over, message) => {
    const body = { id: 'bad-input', name: '某人', roles: ['resident'], communities: ['qianpu'], ...over };
    const r = await http(t.url, 'POST', '/people', { ...as('admin'), body });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(message);
  });

  it('lets a manager register staff of their own company, not of another company, nor residents', async () => {
    const own = { id: 'xiao-liu', name: '小刘', roles: ['staff'], companyId: 'jiayuan' };
    expect((await http(t.url, 'POST', '/people', { ...as('manager'), body: own })).status).toBe(201);
    const other = { id: 'xiao-he', name: '小何', roles: ['staff'], companyId: 'haiyue' };
    expect((await http(t.url, 'POST', '/people', { ...as('manager'), body: other })).status).toBe(403);
    const resident = { id: 'res-new', name: '新住户', roles: ['resident'], communities: ['qianpu'] };
    expect((await http(t.url, 'POST', '/people', { ...as('manager'), body: resident })).status).toBe(403);
  });

  it('lets the committee and the secretary register residents of their communities only', async () => {
    const body = (id: string, community: string) => ({ id, name: '住户', roles: ['resident'], communities: [community] });
    expect((await http(t.url, 'POST', '/people', { ...as('committee'), body: body('res-c1', 'qianpu') })).status).toBe(201);
    expect((await http(t.url, 'POST', '/people', { ...as('secretary'), body: body('res-s1', 'qianpu') })).status).toBe(201);
    expect((await http(t.url, 'POST', '/people', { ...as('committee'), body: body('res-c2', 'xingang') })).status).toBe(403);
    const staff = { id: 'staff-c', name: '保安', roles: ['staff'], companyId: 'jiayuan' };
    expect((await http(t.url, 'POST', '/people', { ...as('committee'), body: staff })).status).toBe(403);
  });

  it('answers 403, not 409, to someone who may not register, for an id that exists: existence is not disclosed', async () => {
    const taken = { ...WANG, id: WANG.id, username: undefined, phone: undefined, communities: ['xingang'] };
    const r = await http(t.url, 'POST', '/people', { ...as('residentX'), body: { ...taken, roles: ['resident'] } });
    expect(r.status).toBe(403);
    expect(r.text).not.toMatch(/already registered/);
  });

  it('refuses one person being both a resident and staff of a company: a company never rates its own work', async () => {
    const body = { id: 'both-roles', name: '两头', roles: ['resident', 'staff'], communities: ['qianpu'], companyId: 'jiayuan' };
    const r = await http(t.url, 'POST', '/people', { ...as('admin'), body });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^roles: /);
  });

  it('registers more people at once than the database pool has connections, all of them', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      id: `crowd-${i}`,
      name: `住户${i}`,
      roles: ['resident'],
      communities: ['qianpu'],
    }));
    const replies = await Promise.all(bodies.map((body) => http(t.url, 'POST', '/people', { ...as('committee'), body })));
    expect(replies.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect((await http(t.url, 'GET', '/health/ready')).status).toBe(200);
  }, 60_000);

  it('keeps no personal data in the Idempotency-Key record, and a repeat answers as the first', async () => {
    const body = {
      id: 'idem-person',
      name: '幂等阿姨',
      roles: ['resident'],
      communities: ['qianpu'],
      phone: '13711112222',
      username: 'idem.ayi',
      password: 'a-long-password-1',
    };
    const headers = { 'idempotency-key': 'register-idem-person' };
    const first = await http(t.url, 'POST', '/people', { ...as('admin'), body, headers });
    const again = await Promise.all([1, 2, 3].map(() => http(t.url, 'POST', '/people', { ...as('admin'), body, headers })));
    expect(first.status).toBe(201);
    expect(again.map((r) => [r.status, r.body.version])).toEqual([1, 2, 3].map(() => [201, first.body.version]));
    const rows = await sql<{ request_hash: string }>(t, `SELECT request_hash FROM es_idempotency WHERE key = $1`, ['register-idem-person']);
    const withPersonalData = createHash('sha256')
      .update(`POST /people\n${canonicalJson(body)}`)
      .digest('hex');
    expect(rows).toHaveLength(1);
    expect(rows[0].request_hash).not.toBe(withPersonalData);
  });

  it('refuses residents and staff', async () => {
    const body = { id: 'res-r1', name: '住户', roles: ['resident'], communities: ['qianpu'] };
    expect((await http(t.url, 'POST', '/people', { ...as('residentA'), body })).status).toBe(403);
    expect((await http(t.url, 'POST', '/people', { ...as('staff'), body })).status).toBe(403);
  });
});

describe('seeing people', () => {
  it('shows the phone to the person and admins, masked to everyone else in scope', async () => {
    const self = await t.token({ sub: WANG.id, roles: ['resident'], communities: ['qianpu'] });
    expect((await http(t.url, 'GET', `/people/${WANG.id}`, { token: self })).body).toMatchObject({
      phone: '13912345678',
      username: 'wang.xiuying',
    });
    expect((await http(t.url, 'GET', `/people/${WANG.id}`, as('admin'))).body.phone).toBe('13912345678');
    const byStaff = await http(t.url, 'GET', `/people/${WANG.id}`, as('staff'));
    expect(byStaff.body).toMatchObject({ name: '王秀英阿姨', phone: '139****5678', username: null });
    expect((await http(t.url, 'GET', `/people/${WANG.id}`, as('committee'))).body.phone).toBe('139****5678');
  });

  it.each([
    ['residentA', WANG.id, 'another resident'],
    ['staff', FAR.id, 'a resident of a community the company does not manage'],
    ['otherStaff', WANG.id, 'a resident of a community the company does not manage'],
    ['otherStaff', CHEN.id, "another company's staff"],
    ['committee', FAR.id, 'a resident of another community'],
    ['otherSecretary', CHEN.id, 'staff of a company that does not manage their community'],
  ] as const)('answers 404 when %s asks for %s (%s)', async (user, id, _why) => {
    expect((await http(t.url, 'GET', `/people/${id}`, as(user))).status).toBe(404);
  });

  it('answers 404 for an id that is no slug and for nobody', async () => {
    expect((await http(t.url, 'GET', '/people/NOPE!', as('admin'))).status).toBe(404);
    expect((await http(t.url, 'GET', '/people/nobody-here', as('admin'))).status).toBe(404);
  });

  it('lists to each role exactly the people in its scope', async () => {
    const ids = async (user: keyof Tokens) => ((await list(user, '?limit=200')).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids('residentA')).toEqual(['res-a']);
    const staffSees = await ids('staff');
    expect(staffSees).toEqual(expect.arrayContaining([WANG.id, CHEN.id, 'mgr-1', 'res-a', 'res-b']));
    expect(staffSees).not.toContain(FAR.id);
    expect(staffSees).not.toContain('staff-9');
    expect(staffSees).not.toContain('com-1'); // a committee member is not the company's business
    const otherSees = await ids('otherStaff');
    expect(otherSees).toEqual(expect.arrayContaining([FAR.id, 'staff-9', 'mgr-9', 'res-x']));
    expect(otherSees).not.toContain(WANG.id);
    const committeeSees = await ids('committee');
    expect(committeeSees).toEqual(expect.arrayContaining([WANG.id, CHEN.id, 'com-1', 'sec-1']));
    expect(committeeSees).not.toContain(FAR.id);
    expect(committeeSees).not.toContain('staff-9');
    expect((await ids('admin')).length).toBeGreaterThan(committeeSees.length);
  });

  it('filters by role, community, company and name, and pages with a cursor', async () => {
    const page = (await list('admin', '?role=resident&communityId=qianpu&q=王秀')).body;
    expect(page.items.map((p: { id: string }) => p.id)).toEqual([WANG.id]);
    expect(page.items[0].phone).toBe('13912345678');
    const company = (await list('admin', '?companyId=haiyue')).body.items.map((p: { id: string }) => p.id);
    expect(company.sort()).toEqual(['mgr-9', 'staff-9']);
    const first = (await list('admin', '?limit=2')).body;
    expect(first.items).toHaveLength(2);
    const second = (await list('admin', `?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items[0].id > first.items[1].id).toBe(true);
    expect((await http(t.url, 'GET', '/people?role=mayor', as('admin'))).status).toBe(400);
    expect((await http(t.url, 'GET', '/people?limit=0', as('admin'))).status).toBe(400);
  });
});

describe('changing people', () => {
  it('lets a person change their own name and phone, but not their roles', async () => {
    const self = await t.token({ sub: WANG.id, roles: ['resident'], communities: ['qianpu'] });
    const r = await http(t.url, 'PATCH', `/people/${WANG.id}`, { token: self, body: { name: '王秀英', phone: '13912340000' } });
    expect(r.status).toBe(200);
    expect((await http(t.url, 'GET', `/people/${WANG.id}`, as('admin'))).body).toMatchObject({ name: '王秀英', phone: '13912340000' });
    expect((await http(t.url, 'PATCH', `/people/${WANG.id}`, { token: self, body: { roles: ['admin'] } })).status).toBe(403);
  });

  it('lets an admin change roles and communities (an event), and refuses the committee beyond residents', async () => {
    const r = await http(t.url, 'PATCH', '/people/res-c1', { ...as('admin'), body: { roles: ['resident', 'committee'] } });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect((await http(t.url, 'GET', '/people/res-c1', as('admin'))).body.roles).toEqual(['resident', 'committee']);
    expect((await http(t.url, 'PATCH', '/people/res-s1', { ...as('committee'), body: { roles: ['secretary'] } })).status).toBe(403);
    expect((await http(t.url, 'PATCH', '/people/res-s1', { ...as('committee'), body: { communities: ['xingang'] } })).status).toBe(403);
    expect((await http(t.url, 'PATCH', '/people/res-s1', { ...as('committee'), body: { name: '张阿婆' } })).status).toBe(200);
  });

  it('refuses a null or reserved name (400) and a stale If-Match on a profile change (412)', async () => {
    const self = await t.token({ sub: 'li-nainai', roles: ['resident'], communities: ['qianpu'] });
    const nulled = await http(t.url, 'PATCH', '/people/li-nainai', { token: self, body: { name: null } });
    expect(nulled.status).toBe(400);
    expect(nulled.text).toMatch(/name/);
    expect((await http(t.url, 'PATCH', '/people/li-nainai', { token: self, body: { name: '[已删除]' } })).status).toBe(400);
    const stale = await http(t.url, 'PATCH', '/people/li-nainai', {
      token: self,
      body: { name: '李老太' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect((await http(t.url, 'GET', '/people/li-nainai', as('admin'))).body.name).toBe('李奶奶');
    const fresh = await http(t.url, 'PATCH', '/people/li-nainai', {
      token: self,
      body: { name: '李老太' },
      headers: { 'if-match': '"1"' },
    });
    expect(fresh.status).toBe(200);
  });

  it('refuses a manager renaming a resident (403) and anyone out of scope (404)', async () => {
    expect((await http(t.url, 'PATCH', `/people/${WANG.id}`, { ...as('manager'), body: { name: 'x' } })).status).toBe(403);
    expect((await http(t.url, 'PATCH', `/people/${FAR.id}`, { ...as('manager'), body: { name: 'x' } })).status).toBe(404);
  });
});

describe('passwords', () => {
  const chenToken = () => t.token({ sub: CHEN.id, roles: ['staff'], communities: [], companyId: 'jiayuan' });

  it('lets an admin set one without the current password, and the person change it only with it', async () => {
    expect((await http(t.url, 'POST', `/people/${CHEN.id}/password`, { ...as('admin'), body: { new: 'first-password-1' } })).status).toBe(
      204,
    );
    const token = await chenToken();
    const without = await http(t.url, 'POST', `/people/${CHEN.id}/password`, { token, body: { new: 'second-password-2' } });
    expect(without.status).toBe(403);
    const wrong = await http(t.url, 'POST', `/people/${CHEN.id}/password`, {
      token,
      body: { current: 'not-it-at-all', new: 'second-password-2' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toMatch(/current/);
    const right = await http(t.url, 'POST', `/people/${CHEN.id}/password`, {
      token,
      body: { current: 'first-password-1', new: 'second-password-2' },
    });
    expect(right.status).toBe(204);
    const rows = await sql(t, `SELECT password_hash FROM pd_people WHERE person_id = $1`, [CHEN.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
  });

  it('counts wrong current passwords as failed sign-ins: the sixth try is locked out, even with the right one', async () => {
    await http(t.url, 'POST', '/people', {
      ...as('admin'),
      body: { id: 'guessed', name: '被猜者', roles: ['staff'], companyId: 'jiayuan', username: 'guessed', password: 'the-real-password-1' },
    });
    const token = await t.token({ sub: 'guessed', roles: ['staff'], communities: [], companyId: 'jiayuan' });
    for (let i = 0; i < 5; i++) {
      const wrong = await http(t.url, 'POST', '/people/guessed/password', {
        token,
        body: { current: `guess-number-${i}`, new: 'a-new-password-22' },
      });
      expect(wrong.status).toBe(403);
    }
    const locked = await http(t.url, 'POST', '/people/guessed/password', {
      token,
      body: { current: 'the-real-password-1', new: 'a-new-password-22' },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const signIn = await http(t.url, 'POST', '/auth/sign-in', { body: { username: 'guessed', password: 'the-real-password-1' } });
    expect(signIn.status).toBe(429);
  });

  it('asks an admin for the current password of their own account too', async () => {
    const admin = { id: 'admin-2', name: '管理员二', roles: ['admin'], username: 'second.admin', password: 'admins-first-password' };
    expect((await http(t.url, 'POST', '/people', { ...as('admin'), body: admin })).status).toBe(201);
    const token = await t.token({ sub: 'admin-2', roles: ['admin'], communities: [] });
    const without = await http(t.url, 'POST', '/people/admin-2/password', { token, body: { new: 'admins-next-password' } });
    expect([without.status, without.body.code]).toEqual([403, 'WRONG_CURRENT_PASSWORD']);
    const other = await http(t.url, 'POST', `/people/${CHEN.id}/password`, { token, body: { new: 'set-by-an-admin-3' } });
    expect(other.status).toBe(204);
  });

  it('refuses a weak new password, and anyone but the person and admins', async () => {
    const weak = await http(t.url, 'POST', `/people/${CHEN.id}/password`, { ...as('admin'), body: { new: 'chen.jianguo-2026' } });
    expect(weak.status).toBe(400);
    expect(weak.body.detail).toMatch(/must not contain the username/);
    expect(
      (await http(t.url, 'POST', `/people/${CHEN.id}/password`, { ...as('manager'), body: { new: 'managers-choice-1' } })).status,
    ).toBe(403);
    expect(
      (await http(t.url, 'POST', `/people/${CHEN.id}/password`, { ...as('residentA'), body: { new: 'residents-choice' } })).status,
    ).toBe(404);
  });
});

describe('PIPL: access and deletion', () => {
  let wangToken: string;
  let ticketId: string;
  beforeAll(async () => {
    wangToken = await t.token({ sub: WANG.id, roles: ['resident'], communities: ['qianpu'] });
    const filed = await http(t.url, 'POST', '/tickets', { token: wangToken, body: ticketBody({ title: '楼道灯不亮' }) });
    expect(filed.status).toBe(201);
    ticketId = filed.body.id;
    const assigned = await http(t.url, 'POST', `/tickets/${ticketId}/assign`, { ...as('manager'), body: { assigneeId: CHEN.id } });
    expect(assigned.status).toBe(200);
    await http(t.url, 'GET', `/tickets/${ticketId}?minPosition=${assigned.body.position}`, { token: wangToken });
  });

  it('names the assignee in the monthly report, looked up at read time', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await http(t.url, 'GET', `/reports/monthly?communityId=qianpu&month=${month}`, as('secretary'));
    expect(report.status).toBe(200);
    expect(report.text).toContain('处理人 assignee');
    expect(report.text.split('\r\n').find((line) => line.includes('楼道灯不亮'))).toContain(CHEN.name);
  });

  it('gives the person everything held about them, including the tickets they reported', async () => {
    const r = await http(t.url, 'GET', `/people/${WANG.id}/personal-data`, { token: wangToken });
    expect(r.status).toBe(200);
    expect(r.body.profile).toMatchObject({
      id: WANG.id,
      name: '王秀英',
      phone: '13912340000',
      username: 'wang.xiuying',
      hasPassword: true,
    });
    expect(r.body.profile).not.toHaveProperty('passwordHash');
    expect(r.text).not.toMatch(/\$argon2/);
    expect(r.body.reportedTickets.map((x: { title: string }) => x.title)).toContain('楼道灯不亮');
    expect((await http(t.url, 'GET', `/people/${WANG.id}/personal-data`, as('admin'))).status).toBe(200);
  });

  it('refuses the export to others: 403 in scope, 404 outside', async () => {
    expect((await http(t.url, 'GET', `/people/${WANG.id}/personal-data`, as('committee'))).status).toBe(403);
    expect((await http(t.url, 'GET', `/people/${WANG.id}/personal-data`, as('residentA'))).status).toBe(404);
    expect((await http(t.url, 'DELETE', `/people/${WANG.id}/personal-data`, as('staff'))).status).toBe(403);
    expect((await http(t.url, 'DELETE', `/people/${WANG.id}/personal-data`, as('otherStaff'))).status).toBe(404);
  });

  it('erases name, phone, username and hash on request; the id stays and shows [已删除]', async () => {
    const r = await http(t.url, 'DELETE', `/people/${WANG.id}/personal-data`, { token: wangToken });
    expect(r.status).toBe(200);
    const rows = await sql(t, `SELECT name, phone, username, password_hash, erased_at FROM pd_people WHERE person_id = $1`, [WANG.id]);
    expect(rows[0]).toMatchObject({ name: null, phone: null, username: null, password_hash: null });
    expect(rows[0].erased_at).not.toBeNull();
    const got = await http(t.url, 'GET', `/people/${WANG.id}`, as('admin'));
    expect(got.body).toMatchObject({ id: WANG.id, name: '[已删除]', phone: null, username: null, erased: true });
    const timeline = await http(t.url, 'GET', `/tickets/${ticketId}/timeline`, as('admin'));
    const filedBy = timeline.body.events.find((e: { type: string }) => e.type === 'TicketFiled');
    expect(filedBy.actor).toMatchObject({ id: WANG.id, name: '[已删除]' });
    expect((await http(t.url, 'GET', `/tickets/${ticketId}`, as('admin'))).body).toMatchObject({
      reporterName: '[已删除]',
      assigneeName: CHEN.name,
    });
    const listed = (await list('admin', `?q=${WANG.id}`)).body.items[0];
    expect(listed).toMatchObject({ name: '[已删除]', erased: true });
    expect((await http(t.url, 'PATCH', `/people/${WANG.id}`, { token: wangToken, body: { name: '王' } })).status).toBe(409);
    const twice = await http(t.url, 'DELETE', `/people/${WANG.id}/personal-data`, as('admin'));
    expect(twice.status).toBe(200);
    expect(twice.body.version).toBe(r.body.version);
    // The username is free again: it was personal data, and it is gone.
    const reuse = { id: 'wang-new', name: '王新', roles: ['resident'], communities: ['qianpu'], username: 'wang.xiuying' };
    expect((await http(t.url, 'POST', '/people', { ...as('admin'), body: reuse })).status).toBe(201);
  });

  it('leaves no registered name, phone or username anywhere in the event log, data or metadata', async () => {
    const secrets = [
      WANG.name,
      '王秀英',
      WANG.phone,
      '13912340000',
      WANG.username,
      CHEN.name,
      CHEN.phone,
      CHEN.username,
      FAR.name,
      FAR.phone,
      PASSWORD,
    ];
    const rows = await sql<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM es_events WHERE data::text ILIKE ANY($1) OR metadata::text ILIKE ANY($1)`,
      [secrets.map((s) => `%${s}%`)],
    );
    expect(rows[0].n).toBe(0);
    // The search can fail: the log does hold what it should, e.g. the ids and the ticket's own text.
    const control = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM es_events WHERE data::text ILIKE ANY($1)`, [
      [`%${WANG.id}%`, '%楼道灯不亮%'],
    ]);
    expect(control[0].n).toBeGreaterThanOrEqual(2);
  });
});
