import { fakeDateFrom, lateness, shanghai } from './support/fake-date';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §3: a community's working hours bound its business minutes. Tickets are filed on Wednesday
 * 2026-12-09 at 10:00 in Shanghai (a plain week of the built-in calendar): only Date is faked, and
 * it moves on with real time from the instant set, so a deadline is the expected instant plus
 * however long after that instant the ticket was filed.
 */
const WEDNESDAY_10 = '2026-12-09T10:00';

let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  fakeDateFrom(WEDNESDAY_10);
  t = await startTestApp('working_hours');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(async () => {
  await t?.close();
  jest.useRealTimers();
});

const put = (path: string, token: string | undefined, body: unknown, headers?: Record<string, string>) =>
  http(t.url, 'PUT', path, { token, body, headers });
const community = async (id: string, minPosition = 0) =>
  (await http(t.url, 'GET', `/communities/${id}?minPosition=${minPosition}`, { token: k.residentA })).body;

/** A sanitation ticket (business clock, the default 24 h to acknowledge and 72 h to resolve) filed at `local`. */
async function fileAt(local: string) {
  jest.setSystemTime(shanghai(local));
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody({ category: 'sanitation' }) });
  expect(filed.status).toBe(201);
  const read = await http(t.url, 'GET', `/tickets/${filed.body.id}?minPosition=${filed.body.position}`, { token: k.admin });
  const due = lateness(local, read.body.filedAt);
  return { id: filed.body.id as string, deadlines: read.body.deadlines as { acknowledgeBy: string; resolveBy: string }, due };
}

describe('working hours', () => {
  let before: Awaited<ReturnType<typeof fileAt>>;

  it('when never set, a community shows 08:30 to 17:30, and a ticket counts nine hours a working day', async () => {
    expect((await community('qianpu')).workingHours).toEqual({ start: '08:30', end: '17:30' });
    before = await fileAt(WEDNESDAY_10);
    // 7.5 h on Wednesday, 9 on Thursday, 7.5 on Friday; resolve: 72 h reach Monday 12-21 at 10:00.
    expect(before.deadlines).toEqual({ acknowledgeBy: before.due('2026-12-11T16:00'), resolveBy: before.due('2026-12-21T10:00') });
  });

  it('when the managing company’s manager sets them, the answer is the community’s version and GET shows them', async () => {
    const r = await put('/communities/qianpu/working-hours', k.manager, { start: '08:00', end: '14:00' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 'qianpu', version: expect.any(Number), position: expect.any(Number) });
    expect(r.headers.get('etag')).toBe(`"${r.body.version}"`);
    expect((await community('qianpu', r.body.position)).workingHours).toEqual({ start: '08:00', end: '14:00' });
  });

  it('when a ticket is filed after the change, its deadlines count six hours a day; the one filed before keeps its own', async () => {
    const after = await fileAt(WEDNESDAY_10);
    // 4 h on Wednesday, then 6 a day: 24 h on Tuesday 12-15 at 10:00, 72 h on Friday 12-25 at 10:00.
    expect(after.deadlines).toEqual({ acknowledgeBy: after.due('2026-12-15T10:00'), resolveBy: after.due('2026-12-25T10:00') });
    const again = await http(t.url, 'GET', `/tickets/${before.id}`, { token: k.admin });
    expect(again.body.deadlines).toEqual(before.deadlines);
  });

  it('when the same hours are set again, nothing is appended: the version stays', async () => {
    const first = await put('/communities/qianpu/working-hours', k.admin, { start: '08:00', end: '14:00' });
    expect(first.status).toBe(200);
    const again = await put('/communities/qianpu/working-hours', k.admin, { start: '08:00', end: '14:00' });
    expect(again.body.version).toBe(first.body.version);
  });

  it('when an admin sets them, they are set; with a stale If-Match, 412', async () => {
    const r = await put('/communities/xingang/working-hours', k.admin, { start: '09:00', end: '18:00' });
    expect(r.status).toBe(200);
    expect((await community('xingang', r.body.position)).workingHours).toEqual({ start: '09:00', end: '18:00' });
    const stale = await put('/communities/xingang/working-hours', k.admin, { start: '09:00', end: '17:00' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
  });

  it('when anyone else sets them, it is 403; without a token, 401; an unknown community, 404', async () => {
    for (const token of [k.staff, k.otherManager, k.committee, k.secretary, k.residentA]) {
      expect((await put('/communities/qianpu/working-hours', token, { start: '07:00', end: '19:00' })).status).toBe(403);
    }
    expect((await put('/communities/qianpu/working-hours', undefined, { start: '07:00', end: '19:00' })).status).toBe(401);
    expect((await put('/communities/nowhere/working-hours', k.admin, { start: '07:00', end: '19:00' })).status).toBe(404);
    expect((await community('qianpu')).workingHours).toEqual({ start: '08:00', end: '14:00' });
  });

  it.each([
    ['a time without its leading zero', 'start', { start: '8:30', end: '17:30' }],
    ['an hour past 23', 'end', { start: '08:30', end: '24:00' }],
    ['an end before the start', 'end', { start: '17:30', end: '08:30' }],
    ['an end equal to the start', 'end', { start: '09:00', end: '09:00' }],
    ['a time as a number', 'start', { start: 830, end: '17:30' }],
    ['a missing field', 'end', { start: '08:30' }],
    ['an unknown field', 'lunch', { start: '08:30', end: '17:30', lunch: '12:00' }],
  ])('when the body has %s, it is 400 naming %s', async (_, field, body) => {
    const r = await put('/communities/qianpu/working-hours', k.admin, body);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(field);
  });
});
