import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §4.8 and §6 over HTTP: who may follow up (回访), what a poor or a satisfied answer does, the
 * follow-up figures, and the monthly report's formats in the CSV and on the printable page.
 */
let t: TestApp;
let k: Tokens;
let last = 0;
const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  t = await startTestApp('follow_ups');
  k = await tokensFor(t);
  await seedWorld(t, k);
}, 60_000);
afterAll(() => t.close());

const send = (path: string, token: string, body: unknown = {}) => http(t.url, 'POST', path, { token, body });
async function post(path: string, token: string, body: unknown = {}) {
  const r = await send(path, token, body);
  if (r.status !== 200 && r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
  last = Math.max(last, r.body.position);
  return r.body as { id: string; version: number; position: number };
}
const get = (path: string, token = k.admin) => http(t.url, 'GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, { token });

/** Filed, worked on and resolved by the company; `reporter` files it, or staff file it for nobody. */
async function resolvedTicket(title: string, reporter: string | null) {
  const { id } = await post('/tickets', reporter ?? k.staff, ticketBody({ title, channel: 'phone' }));
  await post(`/tickets/${id}/actions`, k.staff, { description: '已处理' });
  await post(`/tickets/${id}/resolve`, k.staff, { resolution: '已修好' });
  return id;
}
const followUp = (id: string, token: string, body: Record<string, unknown>) =>
  send(`/tickets/${id}/follow-ups`, token, { method: 'phone', reached: true, ...body });

let withReporter: string;
let withoutReporter: string;
let unreachedTicket: string;
let openTicket: string;

describe('POST /tickets/:id/follow-ups', () => {
  beforeAll(async () => {
    withReporter = await resolvedTicket('2号楼门禁失灵', k.residentA);
    withoutReporter = await resolvedTicket('中庭路灯不亮', null);
    unreachedTicket = await resolvedTicket('地下车库积水', k.residentB);
    openTicket = (await post('/tickets', k.residentA, ticketBody({ title: '垃圾桶满了' }))).id;
  });

  it.each([
    ['staff', 403],
    ['residentA', 403],
    ['otherManager', 404],
    ['otherSecretary', 404],
  ] as const)('when %s follows up, the answer is %i and nothing is recorded', async (who, status) => {
    const r = await followUp(withReporter, k[who], { score: 5 });
    expect(r.status).toBe(status);
    expect((await get(`/tickets/${withReporter}`)).body.followUps).toEqual({ count: 0, last: null });
  });

  it('when the manager follows up with a satisfied resident, it is recorded and the ticket stays with its reporter', async () => {
    const r = await followUp(withReporter, k.manager, { score: 5, note: '住户说修好了' });
    expect(r.status).toBe(200);
    last = r.body.position;
    const ticket = (await get(`/tickets/${withReporter}`)).body;
    expect(ticket.status).toBe('resolved');
    expect(ticket.followUps).toMatchObject({ count: 1, last: { method: 'phone', reached: true, score: 5, byId: 'mgr-1' } });
  });

  it('when the ticket is not resolved yet, the follow-up is refused (409)', async () => {
    expect((await followUp(openTicket, k.committee, { score: 4 })).status).toBe(409);
  });

  it.each([
    ['a score without reaching anyone', { reached: false, score: 3 }, 'score'],
    ['a score of 6', { score: 6 }, 'score'],
    ['an unknown method', { method: 'email' }, 'method'],
    ['reached as text', { reached: 'yes' }, 'reached'],
    ['a note of 2001 characters', { note: '长'.repeat(2001) }, 'note'],
  ])('when the body has %s, the answer is 400 naming it', async (_case, body, field) => {
    const r = await followUp(withReporter, k.committee, body);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(field);
  });

  it('when the secretary reaches a resident who scores 2, the resolved ticket is reopened, in progress again', async () => {
    last = (await followUp(withReporter, k.secretary, { score: 2, method: 'visit' })).body.position;
    const ticket = (await get(`/tickets/${withReporter}`)).body;
    expect(ticket.status).toBe('in_progress');
    expect(ticket.followUps).toMatchObject({ count: 2, last: { method: 'visit', score: 2 } });
    const types = (await get(`/tickets/${withReporter}/timeline`)).body.events.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['TicketFollowedUp', 'TicketReopened']);
    expect((await followUp(withReporter, k.secretary, { score: 5 })).status).toBe(409);
  });

  it('when the committee reaches the resident of a ticket without a reporter who scores 4, it is closed', async () => {
    expect((await get(`/tickets/${withoutReporter}`)).body.reporterId).toBeNull();
    last = (await followUp(withoutReporter, k.committee, { score: 4 })).body.position;
    const ticket = (await get(`/tickets/${withoutReporter}`)).body;
    expect(ticket.status).toBe('closed');
    expect(ticket.closedAt).not.toBeNull();
    const types = (await get(`/tickets/${withoutReporter}/timeline`)).body.events.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['TicketFollowedUp', 'TicketClosedByFollowUp']);
  });

  it('when a closed ticket is followed up, even poorly, it is recorded and stays closed', async () => {
    last = (await post(`/tickets/${withoutReporter}/follow-ups`, k.manager, { method: 'message', reached: true, score: 1 })).position;
    last = (await post(`/tickets/${withoutReporter}/follow-ups`, k.manager, { method: 'phone', reached: true, score: 5 })).position;
    const ticket = (await get(`/tickets/${withoutReporter}`)).body;
    expect(ticket.status).toBe('closed');
    expect(ticket.followUps.count).toBe(3);
  });

  it('when nobody is reached, the follow-up has no score and changes nothing', async () => {
    last = (await post(`/tickets/${unreachedTicket}/follow-ups`, k.manager, { method: 'visit', reached: false, note: '家中无人' }))
      .position;
    const ticket = (await get(`/tickets/${unreachedTicket}`)).body;
    expect(ticket.status).toBe('resolved');
    expect(ticket.followUps).toMatchObject({ count: 1, last: { reached: false, score: null } });
  });
});

/*
 * Now in 前埔: withReporter reopened (reached 5, 2), withoutReporter closed (reached 4, 1, 5),
 * unreachedTicket resolved (not reached), openTicket open. Resolved or closed: withoutReporter and
 * unreachedTicket, one of them reached: followUpRate 1/2. Reached follow-ups 5 with 3 scored ≥ 4:
 * 3/5. Resolved at least once: three, one reopened (by a follow-up): reopenRate 1/3.
 */
describe('the follow-up figures and the reports', () => {
  it('when the dashboard is asked, followUpRate, followUpSatisfactionRate and reopenRate count the follow-ups', async () => {
    const r = await get('/dashboards/summary?communityId=qianpu', k.committee);
    expect(r.status).toBe(200);
    expect(r.body.total).toMatchObject({ filed: 4, followUpRate: 1 / 2, followUpSatisfactionRate: 3 / 5, reopenRate: 1 / 3 });
  });

  it('when the summary is exported, rates are percentages with one decimal and durations hours', async () => {
    const r = await get('/dashboards/summary.csv?communityId=qianpu', k.committee);
    const [header, total] = r.text.slice(1).split('\r\n');
    const cell = (heading: string) => total.split(',')[header.split(',').indexOf(heading)];
    expect(cell('回访率 followUpRate')).toBe('50.0%');
    expect(cell('回访满意率 followUpSatisfactionRate')).toBe('60.0%');
    expect(cell('重开率 reopenRate')).toBe('33.3%');
    expect(cell('解决用时中位数(小时) resolutionHours.p50')).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(header).not.toContain('(秒)');
  });

  it('when the month is exported, it has the new figures as percentages and the month’s handover progress', async () => {
    const started = await post('/handovers', k.committee, { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '原物业退出' });
    await post(`/handovers/${started.id}/blockers`, k.committee, { text: '维修基金账目未交' });
    const r = await get(`/reports/monthly?communityId=qianpu&month=${month()}`, k.secretary);
    expect(r.status).toBe(200);
    expect(r.text).toContain('\r\n回访率 followUpRate,50.0%\r\n');
    expect(r.text).toContain('\r\n回访满意率 followUpSatisfactionRate,60.0%\r\n');
    expect(r.text).toContain('物业交接进度 handover progress');
    expect(r.text).toMatch(new RegExp(`\\r\\n${started.id},进行中,jiayuan,,[^\\r]*,0%,1,1\\. 维修基金账目未交\\r\\n`));
  });

  it('when the printable page is asked for, it shows the figures and every ticket row, styled by its own stylesheet, without script', async () => {
    const r = await get(`/reports/monthly.html?communityId=qianpu&month=${month()}`, k.committee);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const title of ['2号楼门禁失灵', '中庭路灯不亮', '地下车库积水', '垃圾桶满了']) expect(r.text).toContain(`<td>${title}</td>`);
    expect(r.text).toContain('<td>50.0%</td>');
    expect(r.text).toContain('维修基金账目未交');
    expect(r.text).not.toMatch(/<script|style=/);
    const css = await http(t.url, 'GET', r.text.match(/<link rel="stylesheet" href="([^"]+)"/)![1]);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('@media print');
  });

  it('when the page’s community is outside the caller’s scope or unknown, it answers 404; a bad month 400', async () => {
    expect((await get(`/reports/monthly.html?communityId=qianpu&month=${month()}`, k.otherStaff)).status).toBe(404);
    expect((await get(`/reports/monthly.html?communityId=xingang&month=${month()}`, k.secretary)).status).toBe(404);
    expect((await get(`/reports/monthly.html?communityId=nowhere&month=${month()}`, k.admin)).status).toBe(404);
    const bad = await get('/reports/monthly.html?communityId=qianpu&month=2025-13', k.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.join(' ')).toContain('month');
  });

  it('when a resident asks for the page, it is forbidden as the dashboards are', async () => {
    expect((await get(`/reports/monthly.html?communityId=qianpu&month=${month()}`, k.residentA)).status).toBe(403);
  });
});
