import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@jinlin/event-store';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §4.1 "who is the reporter": staff file for a resident met at a tea talk; a ticket filed for
 * nobody has no one to confirm or rate it; names come from the directory at read time.
 */
let t: TestApp;
let k: Tokens;
let raw: PostgresEventStore;
const tea = { id: 'res-tea', name: '陈奶奶', roles: ['resident'], communities: ['qianpu'] };
const uncle = { id: 'res-zhao', name: '赵大爷', roles: ['resident'], communities: ['qianpu'] };
let teaToken: string;
let uncleToken: string;

beforeAll(async () => {
  t = await startTestApp('on_behalf');
  k = await tokensFor(t);
  await seedWorld(t, k);
  for (const person of [tea, uncle]) expect((await post('/people', k.admin, person)).status).toBe(201);
  teaToken = await t.token({ sub: tea.id, roles: ['resident'], communities: ['qianpu'] });
  uncleToken = await t.token({ sub: uncle.id, roles: ['resident'], communities: ['qianpu'] });
  raw = new PostgresEventStore({ connectionString: t.db.url });
});
afterAll(async () => {
  await raw.close();
  await t.close();
});

const post = (path: string, token: string, body?: unknown) => http(t.url, 'POST', path, { token, body });
const get = (path: string, token: string) => http(t.url, 'GET', path, { token });
const file = async (token: string, overrides: Record<string, unknown> = {}) => {
  const r = await post('/tickets', token, ticketBody(overrides));
  expect({ status: r.status, detail: r.body?.detail }).toMatchObject({ status: 201 });
  return r.body as { id: string; position: number };
};
const resolve = async (id: string) => {
  expect((await post(`/tickets/${id}/actions`, k.staff, { description: '已更换灯泡' })).status).toBe(200);
  const r = await post(`/tickets/${id}/resolve`, k.staff, { resolution: '灯已修好' });
  expect(r.status).toBe(200);
  return r.body.position as number;
};

describe('filed at a tea talk for a registered resident', () => {
  it('when staff name the resident, that resident is the reporter: they see it, confirm and rate it; staff cannot rate', async () => {
    const { id, position } = await file(k.staff, { channel: 'tea_talk', reporterId: tea.id });
    const seen = await get(`/tickets/${id}?minPosition=${position}`, teaToken);
    expect(seen.body).toMatchObject({ status: 'open', channel: 'tea_talk', reporterId: tea.id, reporterName: '陈奶奶' });
    await resolve(id);
    const staffRates = await post(`/tickets/${id}/rate`, k.staff, { score: 5 });
    expect({ status: staffRates.status, code: staffRates.body.code }).toEqual({ status: 403, code: 'REPORTER_ONLY' });
    expect((await post(`/tickets/${id}/confirm`, teaToken, {})).status).toBe(200);
    const rated = await post(`/tickets/${id}/rate`, teaToken, { score: 5, comment: '师傅很耐心' });
    expect(rated.status).toBe(200);
    const after = await get(`/tickets/${id}?minPosition=${rated.body.position}`, teaToken);
    expect(after.body).toMatchObject({ status: 'closed', rating: { score: 5 } });
  });

  it('when the secretary names the resident, that resident is the reporter too', async () => {
    const { id, position } = await file(k.secretary, { channel: 'tea_talk', reporterId: uncle.id });
    expect((await get(`/tickets/${id}?minPosition=${position}`, uncleToken)).body.reporterId).toBe(uncle.id);
  });

  it('when a resident names a reporter, the answer is 403 naming reporterId: a resident files as themself', async () => {
    const r = await post('/tickets', k.residentA, ticketBody({ reporterId: 'res-b' }));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code: 'REPORTER_ID_NOT_ALLOWED' });
    expect(r.body.detail).toMatch(/^reporterId: /);
  });

  it.each([
    ['is not in the directory', 'no-such-person'],
    ['is staff, not a resident', 'staff-1'],
    ['lives in another community', 'res-x'],
  ])('when the person named %s, the answer is 400 naming reporterId and nothing is filed', async (_, reporterId) => {
    const r = await post('/tickets', k.staff, ticketBody({ reporterId, title: `代报 ${reporterId}` }));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'NOT_A_CANDIDATE' });
    expect(r.body.detail).toMatch(/^reporterId: /);
  });

  it('when reporterId is not a slug, the answer is 400 from validation', async () => {
    const r = await post('/tickets', k.staff, ticketBody({ reporterId: 'Not A Slug' }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.stringMatching(/^reporterId /)]);
  });
});

describe('filed for nobody', () => {
  it('when staff file without reporterId, nobody can confirm, reject, rate or withdraw it (403: no reporter)', async () => {
    const { id, position } = await file(k.staff, { channel: 'phone' });
    expect((await get(`/tickets/${id}?minPosition=${position}`, k.admin)).body).toMatchObject({ reporterId: null, reporterName: null });
    for (const token of [k.staff, k.committee, k.admin]) {
      const r = await post(`/tickets/${id}/withdraw`, token, {});
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code: 'NO_REPORTER' });
    }
    await resolve(id);
    for (const [path, body] of [
      ['confirm', {}],
      ['reject', { reason: '没修好' }],
      ['rate', { score: 5 }],
    ] as const) {
      for (const token of [k.staff, k.manager, k.committee, k.admin]) {
        const r = await post(`/tickets/${id}/${path}`, token, body);
        expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 403, code: 'NO_REPORTER' });
      }
    }
  });

  it('when no resident is its reporter, residents of the community do not see it', async () => {
    const { id, position } = await file(k.committee);
    expect((await get(`/tickets/${id}?minPosition=${position}`, k.residentA)).status).toBe(404);
  });
});

describe('a ticket filed by staff before TicketFiled version 2', () => {
  it('when it is read back, it has no reporter: the staff who filed it cannot rate it', async () => {
    const id = randomUUID();
    const staff = { id: 'staff-1', roles: ['staff'] };
    const appended = await raw.appendToStream(
      `ticket-${id}`,
      [
        {
          type: 'TicketFiled',
          schemaVersion: 1,
          data: {
            ...ticketBody({ channel: 'walk_in' }),
            ticketId: id,
            companyId: 'jiayuan',
            reporterId: staff.id, // version 1: whoever filed
            filedAt: new Date().toISOString(),
            sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 },
            acknowledgeBy: new Date(Date.now() + 2 * 3_600_000).toISOString(),
            resolveBy: new Date(Date.now() + 24 * 3_600_000).toISOString(),
            by: staff,
          },
          metadata: { actor: staff },
        },
      ],
      { expected: 'no_stream' },
    );
    const detail = await get(`/tickets/${id}?minPosition=${appended.lastPosition}`, k.admin);
    expect(detail.body).toMatchObject({ id, reporterId: null });
    const timeline = await get(`/tickets/${id}/timeline`, k.admin);
    expect(timeline.body.events[0].data.reporterId).toBeNull();
    expect(timeline.body.chain).toBe('valid');
    await resolve(id);
    const r = await post(`/tickets/${id}/rate`, k.staff, { score: 5 });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code: 'NO_REPORTER' });
  });

  it('when the staff who filed it rated it then, the rating is no satisfaction figure: nobody rates themselves', async () => {
    const id = randomUUID();
    const staff = { id: 'staff-1', roles: ['staff'] };
    const at = (hours: number) => new Date(Date.UTC(2025, 0, 6, 2) + hours * 3_600_000).toISOString();
    const history = [
      ['TicketFiled', { ...ticketBody(), ticketId: id, companyId: 'jiayuan', reporterId: staff.id, filedAt: at(0), by: staff }],
      ['TicketActionRecorded', { ticketId: id, description: '修好了', recordedAt: at(1), by: staff }],
      ['TicketResolved', { ticketId: id, resolution: '修好了', resolvedAt: at(2), by: staff }],
      ['TicketRated', { ticketId: id, score: 5, comment: null, ratedAt: at(3), by: staff }],
    ] as const;
    const sla = { sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 }, acknowledgeBy: at(2), resolveBy: at(24) };
    const appended = await raw.appendToStream(
      `ticket-${id}`,
      history.map(([type, data], i) => ({
        type,
        schemaVersion: 1,
        data: i === 0 ? { ...data, ...sla } : data,
        metadata: { actor: staff },
      })),
      { expected: 'no_stream' },
    );
    const window = `from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&minPosition=${appended.lastPosition}`;
    const figures = await get(`/dashboards/summary?communityId=qianpu&${window}`, k.admin);
    expect(figures.body.total).toMatchObject({ filed: 1, satisfactionRate: null });
  });
});

describe('names at read time', () => {
  it('when a ticket is read, listed or its timeline shown, the directory names the reporter, the assignee and each actor', async () => {
    const marker = `名字 ${randomUUID().slice(0, 8)}`;
    const { id } = await file(k.staff, { reporterId: uncle.id, title: marker });
    expect((await post(`/tickets/${id}/assign`, k.manager, { assigneeId: 'staff-1' })).status).toBe(200);
    const ghost = await t.token({ sub: 'ghost-staff', roles: ['staff'], communities: [], companyId: 'jiayuan' });
    const acked = await post(`/tickets/${id}/acknowledge`, ghost, { message: '收到' });
    expect(acked.status).toBe(200);

    const detail = await get(`/tickets/${id}?minPosition=${acked.body.position}`, k.admin);
    expect(detail.body).toMatchObject({ reporterName: '赵大爷', assigneeId: 'staff-1', assigneeName: '小陈' });
    const list = await get(`/tickets?minPosition=${acked.body.position}&q=${encodeURIComponent(marker)}`, k.admin);
    expect(list.body.items).toEqual([expect.objectContaining({ id, reporterName: '赵大爷', assigneeName: '小陈' })]);
    const timeline = await get(`/tickets/${id}/timeline`, k.admin);
    expect(timeline.body.events.map((e: any) => [e.type, e.actor.id, e.actor.name])).toEqual([
      ['TicketFiled', 'staff-1', '小陈'],
      ['TicketAssigned', 'mgr-1', '林经理'],
      ['TicketAcknowledged', 'ghost-staff', null], // a token whose sub is not in the directory still works
    ]);
  });

  it('when a person is erased, [已删除] appears wherever their name was shown', async () => {
    const erasable = { id: 'res-erase', name: '刘阿姨', roles: ['resident'], communities: ['qianpu'] };
    expect((await post('/people', k.admin, erasable)).status).toBe(201);
    const token = await t.token({ sub: erasable.id, roles: ['resident'], communities: ['qianpu'] });
    const { id } = await file(k.staff, { reporterId: erasable.id });
    const said = await post(`/tickets/${id}/comments`, token, { text: '谢谢' });
    expect(said.status).toBe(200);
    expect((await http(t.url, 'DELETE', `/people/${erasable.id}/personal-data`, { token: k.admin })).status).toBe(200);

    const detail = await get(`/tickets/${id}?minPosition=${said.body.position}`, k.admin);
    expect(detail.body).toMatchObject({ reporterId: erasable.id, reporterName: '[已删除]' });
    const timeline = await get(`/tickets/${id}/timeline`, k.admin);
    expect(timeline.body.events[1].actor).toEqual({ id: erasable.id, roles: ['resident'], name: '[已删除]' });
  });
});

describe('assignment names a registered person', () => {
  it.each([
    ['an unregistered id', 'no-such-person'],
    ['staff of another company', 'staff-9'],
    ['a resident', 'res-a'],
  ])('when the manager assigns %s, the answer is 400 naming assigneeId and nothing is written', async (_, assigneeId) => {
    const { id } = await file(k.residentA);
    const r = await post(`/tickets/${id}/assign`, k.manager, { assigneeId });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'NOT_A_CANDIDATE' });
    expect(r.body.detail).toMatch(/^assigneeId: /);
    expect((await get(`/tickets/${id}/timeline`, k.admin)).body.events).toHaveLength(1);
  });
});
