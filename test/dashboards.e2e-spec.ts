import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §6 over HTTP: tickets walked through the real API, then the figures, their groups, the
 * scope of each kind of caller, and the CSV exports as Excel would read them.
 */
let t: TestApp;
let k: Tokens;
let last = 0;
const INJECTED = '=HYPERLINK("x"), 楼道灯坏了';

beforeAll(async () => {
  t = await startTestApp('dashboards');
  k = await tokensFor(t);
  await seedWorld(t, k);
  await walkTickets();
}, 60_000);
afterAll(() => t.close());

async function post(path: string, token: string, body: unknown = {}) {
  const r = await http(t.url, 'POST', path, { token, body });
  if (r.status !== 200 && r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
  last = Math.max(last, r.body.position);
  return r.body as { id: string; position: number };
}

/** Five tickets in 前埔 (嘉园物业) and one in 新港 (海悦物业). */
async function walkTickets() {
  const closed = await post('/tickets', k.residentA, ticketBody({ category: 'elevator' }));
  await post(`/tickets/${closed.id}/acknowledge`, k.staff, { message: '收到' });
  await post(`/tickets/${closed.id}/actions`, k.staff, { description: '更换控制板' });
  await post(`/tickets/${closed.id}/resolve`, k.staff, { resolution: '已恢复' });
  await post(`/tickets/${closed.id}/confirm`, k.residentA);
  await post(`/tickets/${closed.id}/rate`, k.residentA, { score: 5 });

  const reopened = await post('/tickets', k.residentA, ticketBody({ category: 'sanitation', title: '五楼楼道很脏' }));
  await post(`/tickets/${reopened.id}/actions`, k.staff, { description: '清扫' });
  await post(`/tickets/${reopened.id}/resolve`, k.staff, { resolution: '已清扫' });
  await post(`/tickets/${reopened.id}/reject`, k.residentA, { reason: '还是脏' });
  await post(`/tickets/${reopened.id}/actions`, k.manager, { description: '再次清扫' });
  await post(`/tickets/${reopened.id}/resolve`, k.manager, { resolution: '已彻底清扫' });
  await post(`/tickets/${reopened.id}/rate`, k.residentA, { score: 3 });

  const withdrawn = await post('/tickets', k.residentB, ticketBody({ category: 'noise', title: '装修噪音' }));
  await post(`/tickets/${withdrawn.id}/withdraw`, k.residentB);

  const answered = await post('/tickets', k.residentA, ticketBody({ category: 'elevator', title: '电梯异响' }));
  await post(`/tickets/${answered.id}/comments`, k.staff, { text: '明天上午维保' });
  await post('/tickets', k.residentB, ticketBody({ category: 'water_power', title: INJECTED }));
  await post('/tickets', k.residentX, ticketBody({ communityId: 'xingang', category: 'parking', title: '车位被占' }));
}

const get = (path: string, token: string) => http(t.url, 'GET', path, { token });
const summary = async (query: string, token = k.admin) => {
  const r = await get(`/dashboards/summary?minPosition=${last}&${query}`, token);
  expect({ status: r.status, stale: r.headers.get('jinlin-stale') }).toEqual({ status: 200, stale: null });
  return r.body;
};

describe('GET /dashboards/summary', () => {
  it('when tickets were walked through the API, the figures follow SPEC §6', async () => {
    const body = await summary('communityId=qianpu');
    expect(body.asOfPosition).toBeGreaterThanOrEqual(last);
    expect(body.total).toMatchObject({
      filed: 5,
      withdrawn: 1,
      responseRate: 3 / 4,
      resolutionRate: 1 / 4,
      satisfactionRate: 1 / 2,
      reopenRate: 1 / 2,
      backlog: 2,
      overdue: 0,
    });
    for (const timing of [body.total.firstResponseSeconds, body.total.resolutionSeconds]) {
      expect(timing.p50).toBeGreaterThanOrEqual(0);
      expect(timing.p90).toBeGreaterThanOrEqual(timing.p50);
    }
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(30 * 86_400_000);
    expect(body.groups).toBeUndefined();
  });

  it('when grouped by category, each group has its own figures, ordered by key', async () => {
    const body = await summary('communityId=qianpu&groupBy=category');
    expect(body.groups.map((g: { key: string; filed: number }) => [g.key, g.filed])).toEqual([
      ['elevator', 2],
      ['noise', 1],
      ['sanitation', 1],
      ['water_power', 1],
    ]);
    const sanitation = body.groups.find((g: { key: string }) => g.key === 'sanitation');
    expect(sanitation).toMatchObject({ reopenRate: 1, satisfactionRate: 0, resolutionRate: 0, backlog: 0 });
    expect(sanitation.resolutionSeconds.p50).toBe(sanitation.resolutionSeconds.p90);
  });

  it('when grouped by day or company, the keys are the Shanghai day and the company that had the tickets when filed', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const byDay = await summary('groupBy=day');
    expect(byDay.groups.map((g: { key: string }) => g.key)).toEqual([today]);
    const byCompany = await summary('groupBy=company');
    expect(byCompany.groups.map((g: { key: string; filed: number }) => [g.key, g.filed])).toEqual([
      ['haiyue', 1],
      ['jiayuan', 5],
    ]);
    expect(byCompany.total.filed).toBe(6);
  });

  it('when the window ends before the tickets were filed, nothing is counted and rates are null', async () => {
    const body = await summary(`to=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`);
    expect(body.total).toMatchObject({ filed: 0, responseRate: null, firstResponseSeconds: { p50: null, p90: null }, backlog: 0 });
  });

  it.each([
    ['from=yesterday', 'from'],
    ['to=2025-11-01', 'to'],
    ['from=2025-02-30T00:00:00%2B08:00', 'from'],
    ['groupBy=week', 'groupBy'],
    ['category=weather', 'category'],
    ['communityId=Qianpu!', 'communityId'],
    ['from=2025-12-01T00:00:00Z&to=2025-11-01T00:00:00Z', 'from'],
  ])('when the query is %s, the answer is 400 naming %s', async (query, parameter) => {
    const r = await get(`/dashboards/summary?${query}`, k.admin);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(parameter);
  });

  it('when the offset sign arrives unencoded, the instant is still read', async () => {
    const r = await get('/dashboards/summary?from=2025-11-01T00:00:00+08:00&to=2025-12-01T00:00:00+08:00', k.admin);
    expect(r.status).toBe(200);
    expect(r.body.from).toBe('2025-10-31T16:00:00.000Z');
  });
});

describe('who sees which figures (SPEC §2)', () => {
  it('when a resident asks, the answer is 403; without a token, 401', async () => {
    expect((await get('/dashboards/summary', k.residentA)).status).toBe(403);
    expect((await get('/dashboards/summary.csv', k.residentA)).status).toBe(403);
    expect((await get('/reports/monthly?communityId=qianpu&month=2025-11', k.residentA)).status).toBe(403);
    expect((await http(t.url, 'GET', '/dashboards/summary')).status).toBe(401);
  });

  it.each([
    ['staff', 5],
    ['manager', 5],
    ['committee', 5],
    ['secretary', 5],
    ['otherStaff', 1],
    ['otherManager', 1],
    ['otherSecretary', 1],
    ['admin', 6],
  ] as const)('when %s asks for everything, it counts %i tickets', async (user, filed) => {
    expect((await summary('', k[user])).total.filed).toBe(filed);
  });

  it.each([
    ['the 前埔 社区 official', { sub: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] }, 5],
    ['a 街道 official over both estates', { sub: 'sd-1', roles: ['subdistrict'], communities: ['qianpu', 'xingang'] }, 6],
  ])('when %s asks for everything, their communities are counted', async (_, claims, filed) => {
    const token = await t.token(claims);
    expect((await summary('', token)).total.filed).toBe(filed);
    expect((await raw(`/reports/monthly?minPosition=${last}&communityId=qianpu&month=2025-11`, token)).status).toBe(200);
  });

  it('when a 社区 official asks about a community that is not theirs, it does not exist for them (404)', async () => {
    const token = await t.token({ sub: 'nb-9', roles: ['neighbourhood'], communities: ['xingang'] });
    expect((await get('/dashboards/summary?communityId=qianpu', token)).status).toBe(404);
  });

  it('when another company asks about a community it does not manage, the community does not exist for it (404, SPEC §2)', async () => {
    const r = await get('/dashboards/summary?communityId=qianpu&groupBy=community', k.otherStaff);
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('filed');
  });
});

async function raw(path: string, token: string) {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

describe('CSV exports for the monthly joint meeting', () => {
  it('when the summary is exported, it is UTF-8 with a BOM and CRLF, a total row and one row per group', async () => {
    const r = await raw(`/dashboards/summary.csv?minPosition=${last}&communityId=qianpu&groupBy=category`, k.committee);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="jinlin-summary-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 4 + 1);
    expect(lines[0]).toContain('响应率 responseRate');
    expect(lines[1]).toMatch(/^合计 total,,合计,/);
    // SPEC §6's report rules: rates as percentages with one decimal (3 of 4 answered in time), durations in hours.
    const cell = (heading: string) => lines[1].split(',')[lines[0].split(',').indexOf(heading)];
    expect(cell('响应率 responseRate')).toBe('75.0%');
    expect(cell('重开率 reopenRate')).toBe('50.0%');
    expect(lines[0]).toContain('解决用时中位数(小时) resolutionHours.p50');
    expect(lines[2]).toMatch(/^category,elevator,电梯,/);
  });

  it('when the month is exported, every ticket is listed with its timings and Chinese text survives', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const r = await raw(`/reports/monthly?minPosition=${last}&communityId=qianpu&month=${month}`, k.secretary);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="jinlin-monthly-qianpu-${month}.csv"`);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text).toContain('3号楼电梯停运');
    expect(r.text).toContain('前埔一里西小区');
    expect(r.text).toContain(`"'=HYPERLINK(""x""), 楼道灯坏了"`);
    expect(r.text).toContain('\r\n受理数 filed,5\r\n');
    expect(r.text).toContain('\r\n满意率 satisfactionRate,50.0%\r\n');
    expect(r.text.split('\r\n').filter((line) => line.includes(',已撤回,'))).toHaveLength(1);
    expect(r.text).not.toContain('车位被占');
  });

  it('when the community is outside the caller’s scope or unknown, the monthly report answers 404; a bad month 400', async () => {
    expect((await raw('/reports/monthly?communityId=qianpu&month=2025-11', k.otherStaff)).status).toBe(404);
    expect((await raw('/reports/monthly?communityId=nowhere&month=2025-11', k.admin)).status).toBe(404);
    const bad = await get('/reports/monthly?communityId=qianpu&month=2025-13', k.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.join(' ')).toContain('month');
  });
});

describe('bounds and scope (issue 14)', () => {
  it.each([
    ['/dashboards/summary?to=9999-12-31T23:59:59Z', 'to'],
    ['/dashboards/summary?from=1970-01-01T00:00:00Z&to=1971-01-01T00:00:00Z', 'from'],
    ['/dashboards/summary.csv?to=9999-12-31T23:59:59Z', 'to'],
    ['/dashboards/summary?from=1999-12-31T23:59:59Z&groupBy=day', 'from'],
    ['/dashboards/summary?from=2001-01-01T00:00:00Z&to=2010-01-01T00:00:00Z&groupBy=day', 'from and to'],
    ['/reports/monthly?communityId=qianpu&month=9999-12', 'month'],
    ['/reports/monthly?communityId=qianpu&month=1999-12', 'month'],
  ])('when the window is %s, the answer is 400 naming %s, not 500', async (path, name) => {
    const r = await get(path, k.admin);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(name);
  });

  it('when the window lies at the edges (2000 to 2003, 2099 to 2100), the figures come', async () => {
    expect((await get('/dashboards/summary?from=2000-01-01T00:00:00Z&to=2003-01-01T00:00:00Z', k.admin)).status).toBe(200);
    expect((await get('/dashboards/summary?from=2099-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&groupBy=day', k.admin)).status).toBe(200);
  });

  it.each([
    '/dashboards/summary?communityId=qianpu',
    '/dashboards/summary.csv?communityId=qianpu',
    '/dashboards/summary?communityId=nowhere',
  ])('when %s is outside the caller’s scope or unknown, the answer is 404, not zeros', async (path) => {
    const r = await raw(path, path.includes('nowhere') ? k.admin : k.otherSecretary);
    expect(r.status).toBe(404);
  });
});
