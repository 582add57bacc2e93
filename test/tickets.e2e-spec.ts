import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('tickets');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

const post = (path: string, token: string, body?: unknown, headers?: Record<string, string>) =>
  http(t.url, 'POST', path, { token, body, headers });
const get = (path: string, token: string) => http(t.url, 'GET', path, { token });
const file = async (overrides: Record<string, unknown> = {}, token = k.residentA) => {
  const r = await post('/tickets', token, ticketBody(overrides));
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number; position: number };
};
const eventCount = async (id: string) => (await get(`/tickets/${id}/timeline`, k.admin)).body.events.length as number;

describe('the lifecycle, end to end', () => {
  it('when a ticket goes from filing to confirmation, every timestamp and the timeline record it', async () => {
    const filed = await file();
    expect(filed.version).toBe(1);
    const steps: [string, string, unknown][] = [
      ['acknowledge', k.staff, { message: '收到，已通知电梯维保' }],
      ['assign', k.manager, { assigneeId: 'staff-1' }],
      ['actions', k.staff, { description: '维保人员已到场，更换控制板' }],
      ['resolve', k.staff, { resolution: '电梯恢复运行' }],
      ['confirm', k.residentA, {}],
      ['rate', k.residentA, { score: 5, comment: '很及时' }],
    ];
    let last = filed;
    for (const [path, token, body] of steps) {
      const r = await post(`/tickets/${filed.id}/${path}`, token, body);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(r.body.version).toBe(last.version + 1);
      expect(r.headers.get('etag')).toBe(`"${r.body.version}"`);
      last = r.body;
    }
    const detail = await get(`/tickets/${filed.id}?minPosition=${last.position}`, k.residentA);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"7"');
    expect(detail.body).toMatchObject({
      status: 'closed',
      assigneeId: 'staff-1',
      companyId: 'jiayuan',
      rating: { score: 5, comment: '很及时' },
      version: 7,
    });
    for (const field of ['filedAt', 'firstResponseAt', 'firstActionAt', 'resolvedAt', 'closedAt'])
      expect(detail.body[field]).toEqual(expect.any(String));
    expect(detail.body.firstResponseAt).toBe(detail.body.acknowledgedAt);
    expect(Date.parse(detail.body.deadlines.acknowledgeBy) - Date.parse(detail.body.filedAt)).toBe(120 * 60_000);
    const timeline = await get(`/tickets/${filed.id}/timeline`, k.secretary);
    expect(timeline.body.chain).toBe('valid');
    expect(timeline.body.events.map((e: { type: string }) => e.type)).toEqual([
      'TicketFiled',
      'TicketAcknowledged',
      'TicketAssigned',
      'TicketActionRecorded',
      'TicketResolved',
      'TicketResolutionConfirmed',
      'TicketRated',
    ]);
    expect(timeline.body.events[1]).toMatchObject({
      version: 2,
      actor: { id: 'staff-1', roles: ['staff'] },
      data: { message: '收到，已通知电梯维保' },
    });
  });

  it('when only "received" was said, resolving is refused with 409 and nothing is appended', async () => {
    const { id } = await file();
    await post(`/tickets/${id}/acknowledge`, k.staff, { message: '收到' });
    const r = await post(`/tickets/${id}/resolve`, k.staff, { resolution: '已处理' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'RESOLVE_NEEDS_ACTION' });
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await eventCount(id)).toBe(2);
  });

  it('when the reporter rejects a resolution, the ticket is back in progress and counts as reopened', async () => {
    const { id } = await file();
    await post(`/tickets/${id}/actions`, k.staff, { description: '清理了楼道' });
    await post(`/tickets/${id}/resolve`, k.staff, { resolution: '已清理' });
    const rejected = await post(`/tickets/${id}/reject`, k.residentA, { reason: '五楼还是很脏' });
    expect(rejected.status).toBe(200);
    expect((await get(`/tickets/${id}?minPosition=${rejected.body.position}`, k.residentA)).body.status).toBe('in_progress');
  });

  it('when a closed ticket is acted on, the answer is 409; rating and comments are still accepted', async () => {
    const { id } = await file();
    await post(`/tickets/${id}/actions`, k.staff, { description: '修好了' });
    await post(`/tickets/${id}/resolve`, k.staff, { resolution: '修好了' });
    await post(`/tickets/${id}/confirm`, k.residentA);
    expect((await post(`/tickets/${id}/actions`, k.staff, { description: 'more' })).status).toBe(409);
    expect((await post(`/tickets/${id}/escalate`, k.residentA, { level: 'committee', reason: 'x' })).status).toBe(409);
    expect((await post(`/tickets/${id}/withdraw`, k.residentA, {})).status).toBe(409);
    expect((await post(`/tickets/${id}/comments`, k.residentA, { text: '谢谢' })).status).toBe(200);
    expect((await post(`/tickets/${id}/rate`, k.residentA, { score: 4 })).status).toBe(200);
    expect((await post(`/tickets/${id}/rate`, k.residentA, { score: 5 })).status).toBe(409);
  });
});

describe('validation', () => {
  it('when several fields are wrong, the 400 names each one once', async () => {
    const r = await post('/tickets', k.residentA, {
      communityId: 'Bad Id!',
      category: 'ufo',
      title: 'x'.repeat(121),
      description: 7,
      channel: 'fax',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(5);
    for (const field of ['communityId', 'category', 'title', 'description', 'channel']) {
      expect(r.body.errors.filter((m: string) => m.startsWith(field))).toHaveLength(1);
    }
  });

  it('when texts are at their limits in characters (emoji count once), they are accepted; one more is refused', async () => {
    expect((await post('/tickets', k.residentA, ticketBody({ title: '🚧'.repeat(120) }))).status).toBe(201);
    expect((await post('/tickets', k.residentA, ticketBody({ title: '电'.repeat(121) }))).status).toBe(400);
    expect((await post('/tickets', k.residentA, ticketBody({ description: '水'.repeat(4000) }))).status).toBe(201);
    expect((await post('/tickets', k.residentA, ticketBody({ title: '   ' }))).status).toBe(400);
  });

  it('when the body is not a JSON object, the answer is 400', async () => {
    const r = await http(t.url, 'POST', '/tickets', { token: k.residentA, raw: '["a"]' });
    expect(r.status).toBe(400);
  });

  it('when a score is out of range or not a whole number, the answer is 400', async () => {
    const { id } = await file();
    for (const score of [0, 6, 4.5, '5']) expect((await post(`/tickets/${id}/rate`, k.residentA, { score })).status).toBe(400);
  });
});

describe('concurrency', () => {
  it('when 20 commands race with the same If-Match, exactly one wins and nineteen get 412', async () => {
    const { id, version } = await file();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(`/tickets/${id}/comments`, k.staff, { text: `第${i}条` }, { 'if-match': `"${version}"` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(await eventCount(id)).toBe(2);
  });

  it('when If-Match is stale, the answer is 412 and nothing is appended; a bare number works too', async () => {
    const { id } = await file();
    const stale = await post(`/tickets/${id}/comments`, k.staff, { text: 'x' }, { 'if-match': '7' });
    expect(stale.status).toBe(412);
    expect(await eventCount(id)).toBe(1);
    expect((await post(`/tickets/${id}/comments`, k.staff, { text: 'x' }, { 'if-match': '1' })).status).toBe(200);
    expect((await post(`/tickets/${id}/comments`, k.staff, { text: 'x' }, { 'if-match': 'abc' })).status).toBe(400);
  });

  it('when 100 people comment at once without If-Match, all 100 comments are stored', async () => {
    const { id } = await file();
    const tokens = [k.residentA, k.staff, k.manager, k.committee, k.secretary];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post(`/tickets/${id}/comments`, tokens[i % 5], { text: `评论 ${i}` })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(100);
    const versions = results.map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(await eventCount(id)).toBe(101);
  });

  it('when a rule would be broken after a lost race, the retry answers 409 (acknowledge once)', async () => {
    const { id } = await file();
    const results = await Promise.all(Array.from({ length: 5 }, () => post(`/tickets/${id}/acknowledge`, k.staff, { message: '收到' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });
});

describe('idempotency', () => {
  it('when a filing is repeated with the same Idempotency-Key, the first answer comes back and nothing more is stored', async () => {
    const headers = { 'idempotency-key': 'file-once-1' };
    const first = await post('/tickets', k.residentB, ticketBody({ title: '一次' }), headers);
    const again = await post('/tickets', k.residentB, ticketBody({ title: '一次' }), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const mine = await get(`/tickets?minPosition=${first.body.position}&q=${encodeURIComponent('一次')}`, k.residentB);
    expect(mine.body.items).toHaveLength(1);
  });

  it('when the same key comes with another body, the answer is 422 and nothing is stored', async () => {
    const { id } = await file();
    const headers = { 'idempotency-key': 'comment-key-1' };
    expect((await post(`/tickets/${id}/comments`, k.staff, { text: 'one' }, headers)).status).toBe(200);
    const other = await post(`/tickets/${id}/comments`, k.staff, { text: 'two' }, headers);
    expect(other.status).toBe(422);
    expect(await eventCount(id)).toBe(2);
  });

  it('when concurrent repeats race with one key, exactly one event results', async () => {
    const { id } = await file();
    const headers = { 'idempotency-key': 'race-key-1' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(`/tickets/${id}/comments`, k.staff, { text: '同一条' }, headers)),
    );
    expect(new Set(results.map((r) => `${r.status}:${r.body.version}`))).toEqual(new Set(['200:2']));
    expect(await eventCount(id)).toBe(2);
  });
});

describe('text fidelity', () => {
  it('when Chinese, emoji and SQL-looking text are stored, they come back byte for byte', async () => {
    const title = "电梯🚧坏了'; DROP TABLE es_events; --";
    const description = '第一行\n第二行\t"引号" \\ 反斜杠 ️‍🔥 𠮷 \u202e';
    const filed = await post('/tickets', k.residentA, ticketBody({ title, description }));
    const detail = await get(`/tickets/${filed.body.id}?minPosition=${filed.body.position}`, k.residentA);
    expect(Buffer.from(detail.body.title)).toEqual(Buffer.from(title));
    expect(Buffer.from(detail.body.description)).toEqual(Buffer.from(description));
    const timeline = await get(`/tickets/${filed.body.id}/timeline`, k.residentA);
    expect(timeline.body.events[0].data.title).toBe(title);
  });
});

describe('lists and visibility', () => {
  it('when filtering by category, status and text (Chinese), only matching tickets come, newest first, page by page', async () => {
    const marker = `漏水${Date.now()}`;
    let last = 0;
    for (let i = 0; i < 5; i++) last = (await file({ category: 'water_power', title: `${marker} 第${i}处` })).position;
    const page1 = await get(
      `/tickets?minPosition=${last}&category=water_power&status=open&q=${encodeURIComponent(marker)}&limit=2`,
      k.committee,
    );
    expect(page1.body.items.map((i: { title: string }) => i.title)).toEqual([`${marker} 第4处`, `${marker} 第3处`]);
    const page2 = await get(
      `/tickets?category=water_power&q=${encodeURIComponent(marker)}&limit=2&cursor=${page1.body.nextCursor}`,
      k.committee,
    );
    const page3 = await get(
      `/tickets?category=water_power&q=${encodeURIComponent(marker)}&limit=2&cursor=${page2.body.nextCursor}`,
      k.committee,
    );
    expect(page2.body.items.map((i: { title: string }) => i.title)).toEqual([`${marker} 第2处`, `${marker} 第1处`]);
    expect(page3.body.items.map((i: { title: string }) => i.title)).toEqual([`${marker} 第0处`]);
    expect(page3.body.nextCursor).toBeNull();
  });

  it('when limit is over 100 or the cursor is forged, the answer is 400', async () => {
    expect((await get('/tickets?limit=101', k.admin)).status).toBe(400);
    expect((await get('/tickets?cursor=forged', k.admin)).status).toBe(400);
    // Well-formed JSON that Date.parse takes but PostgreSQL does not, or an id with NUL: 400, not 500.
    for (const forged of [
      ['1', 'x'],
      ['2020-02-30T00:00:00.000Z', 'x'],
      ['+275760-09-13T00:00:00.000Z', 'x'],
      ['0000-01-01T00:00:00.000Z', 'x'],
      ['2020-01-01T00:00:00.000Z', '\u0000'],
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      expect({ forged, status: (await get(`/tickets?cursor=${cursor}`, k.admin)).status }).toEqual({ forged, status: 400 });
    }
    const real = Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 'x'])).toString('base64url');
    expect((await get(`/tickets?cursor=${real}`, k.admin)).status).toBe(200);
  });

  it('when a resident lists, only their own tickets come', async () => {
    const mine = await file({}, k.residentB);
    const list = await get(`/tickets?minPosition=${mine.position}&limit=100`, k.residentB);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i: { reporterId: string }) => i.reporterId === 'res-b')).toBe(true);
  });

  it('when a resident reads the timeline, internal comments are left out; the committee sees them', async () => {
    const { id } = await file();
    await post(`/tickets/${id}/comments`, k.staff, { text: '内部：配件要等一周', internal: true });
    await post(`/tickets/${id}/comments`, k.staff, { text: '正在处理' });
    const forResident = await get(`/tickets/${id}/timeline`, k.residentA);
    const forCommittee = await get(`/tickets/${id}/timeline`, k.committee);
    expect(forResident.body.events.map((e: { type: string }) => e.type)).toEqual(['TicketFiled', 'TicketCommented']);
    expect(JSON.stringify(forResident.body)).not.toContain('配件');
    expect(forCommittee.body.events).toHaveLength(3);
    // Versions with a gap would tell the resident that something was left out.
    expect(forResident.body.events.map((e: { version?: number }) => e.version)).toEqual([undefined, undefined]);
    expect(forCommittee.body.events.map((e: { version?: number }) => e.version)).toEqual([1, 2, 3]);
  });

  it('when a staff member comments in public, that is the first response', async () => {
    const { id } = await file();
    const c = await post(`/tickets/${id}/comments`, k.staff, { text: '我们马上来看' });
    const detail = await get(`/tickets/${id}?minPosition=${c.body.position}`, k.staff);
    expect(detail.body.firstResponseAt).toEqual(expect.any(String));
    expect(detail.body.acknowledgedAt).toBeNull();
  });
});

describe('reference data', () => {
  it('when a community is read, it shows the company that manages it now', async () => {
    const r = await get('/communities/qianpu?minPosition=0', k.residentA);
    expect(r.body).toMatchObject({ id: 'qianpu', name: '前埔一里西小区', households: 1100, propertyCompanyId: 'jiayuan' });
  });

  it('when companies are listed, each has its name and the communities it manages now; a new one is there after its position', async () => {
    const before = await get('/companies?minPosition=0', k.residentA);
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual(
      expect.arrayContaining([
        { id: 'jiayuan', name: '嘉园物业', registeredAt: expect.any(String), communities: expect.arrayContaining(['qianpu']) },
        { id: 'haiyue', name: '海悦物业', registeredAt: expect.any(String), communities: ['xingang'] },
      ]),
    );
    const registered = await post('/companies', k.admin, { id: 'lvcheng-pm', name: '绿城物业' });
    expect(registered.status).toBe(201);
    const after = await get(`/companies?minPosition=${registered.body.position}`, k.manager);
    expect(after.body.items.find((c: { id: string }) => c.id === 'lvcheng-pm')).toMatchObject({ name: '绿城物业', communities: [] });
    expect(after.body.items.map((c: { id: string }) => c.id)).toEqual([...after.body.items.map((c: { id: string }) => c.id)].sort());
    expect((await get('/companies?minPosition=soon', k.admin)).status).toBe(400);
  });

  it('when a non-admin registers a company or a community, the answer is 403; a duplicate is 409', async () => {
    expect((await post('/companies', k.secretary, { id: 'x-co', name: 'x' })).status).toBe(403);
    expect((await post('/companies', k.admin, { id: 'jiayuan', name: '重复' })).status).toBe(409);
    const body = { id: 'new-one', name: 'n', subdistrict: 's', neighbourhood: 'n', propertyCompanyId: 'no-such-company' };
    expect((await post('/communities', k.admin, body)).status).toBe(404);
    expect((await post('/communities', k.admin, { ...body, id: 'BAD ID' })).status).toBe(400);
  });

  it('when categories are listed, each has Chinese and English names and its default SLA', async () => {
    const r = await get('/categories', k.residentA);
    expect(r.body.items).toHaveLength(11);
    expect(r.body.items.find((c: { code: string }) => c.code === 'elevator')).toEqual({
      code: 'elevator',
      nameZh: '电梯',
      nameEn: 'Elevator',
      defaultSla: {
        acknowledgeWithinMinutes: 120,
        resolveWithinMinutes: 1440,
        clock: 'continuous',
        warnAtPercent: 80,
        escalateAfterBreachMinutes: [0, 1440, 4320],
      },
    });
    // SPEC §4.9: the rest count business minutes (working hours on working days).
    expect(r.body.items.find((c: { code: string }) => c.code === 'sanitation').defaultSla).toMatchObject({
      acknowledgeWithinMinutes: 1440,
      resolveWithinMinutes: 4320,
      clock: 'business',
    });
  });
});
