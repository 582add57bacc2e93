import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { systemClock } from '../apps/api/src/sla/sla-clock';
import { SlaTimer } from '../apps/api/src/sla/sla-timer';
import { http, startTestApp, type TestApp } from './support/test-app';
import { fakeDateFrom, lateness, shanghai } from './support/fake-date';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens } from './support/world';

/**
 * SLA policies over HTTP, and the timer that records missed deadlines and automatic closes. The
 * timer loop is off in tests (TIMERS_RUN=false): each test drives time itself through tick(now).
 */
let t: TestApp;
let k: Tokens;
let timer: SlaTimer;
beforeAll(async () => {
  t = await startTestApp('sla');
  k = await tokensFor(t);
  await seedWorld(t, k);
  timer = t.app.get(SlaTimer);
});
afterAll(() => t.close());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const put = (path: string, token: string, body: unknown, headers?: Record<string, string>) =>
  http(t.url, 'PUT', path, { token, body, headers });
const post = (path: string, token: string, body: unknown = {}) => http(t.url, 'POST', path, { token, body });
/** Another service instance: its own timer over the same store and database. */
const anotherTimer = (clock = systemClock) =>
  new SlaTimer(t.app.get(CommandBus), t.app.get(DataSource), clock, { run: false, intervalMs: 60_000 });

async function caughtUp(position: number) {
  expect(await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(position, 10_000)).toBe(true);
}

async function write(path: string, token: string, body: unknown = {}): Promise<number> {
  const r = await post(path, token, body);
  expect(r.status).toBeLessThan(300);
  return r.body.position;
}

async function fileTicket(overrides: Record<string, unknown> = {}, token = k.residentA) {
  const r = await post('/tickets', token, ticketBody(overrides));
  expect(r.status).toBe(201);
  return { id: r.body.id as string, ...(await ticket(r.body.id, r.body.position)) };
}

async function ticket(id: string, minPosition: number) {
  const r = await http(t.url, 'GET', `/tickets/${id}?minPosition=${minPosition}`, { token: k.admin });
  expect(r.status).toBe(200);
  return r.body;
}

async function timeline(id: string): Promise<{ position: number; type: string; data: Record<string, any> }[]> {
  return (await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin })).body.events;
}
const recorded = async (id: string, type: string, kind?: string) =>
  (await timeline(id)).filter((e) => e.type === type && (!kind || e.data.kind === kind));
const lastPosition = async (id: string) => (await timeline(id)).at(-1)!.position;

describe('SLA policies', () => {
  const policy = (acknowledgeWithinMinutes: unknown, resolveWithinMinutes: unknown, more: Record<string, unknown> = {}) => ({
    acknowledgeWithinMinutes,
    resolveWithinMinutes,
    ...more,
  });
  /** Around the clock, so that a deadline is filing time plus the minutes, whatever the hour of the run. */
  const wallClock = { clock: 'continuous' };
  const community = async (id: string, minPosition: number) =>
    (await http(t.url, 'GET', `/communities/${id}?minPosition=${minPosition}`, { token: k.admin })).body;

  it('when an admin sets a policy, tickets filed afterwards get its deadlines and earlier tickets keep theirs', async () => {
    const first = await put('/communities/xingang/sla-policies/noise', k.admin, policy(30, 240, wallClock));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: 'xingang', version: 2, position: expect.any(Number) });
    expect(first.headers.get('etag')).toBe('"2"');
    expect((await community('xingang', first.body.position)).slaPolicies.noise).toEqual(
      policy(30, 240, { ...wallClock, warnAtPercent: 80, escalateAfterBreachMinutes: [0, 1440, 4320] }),
    );

    const before = await fileTicket({ communityId: 'xingang', category: 'noise' }, k.residentX);
    expect(before.deadlines).toEqual({
      acknowledgeBy: at(before.filedAt, 30 * MINUTE).toISOString(),
      resolveBy: at(before.filedAt, 240 * MINUTE).toISOString(),
    });

    const second = await put('/communities/xingang/sla-policies/noise', k.admin, policy(60, 480, wallClock));
    expect(second.body.version).toBe(3);
    expect((await ticket(before.id, second.body.position)).deadlines).toEqual(before.deadlines);
    const after = await fileTicket({ communityId: 'xingang', category: 'noise' }, k.residentX);
    expect(after.deadlines.resolveBy).toBe(at(after.filedAt, 480 * MINUTE).toISOString());
  });

  it('when anyone but an admin sets a policy, it is refused with 403', async () => {
    for (const token of [k.manager, k.staff, k.committee, k.secretary, k.residentA]) {
      expect((await put('/communities/qianpu/sla-policies/elevator', token, policy(30, 240))).status).toBe(403);
    }
    expect((await http(t.url, 'PUT', '/communities/qianpu/sla-policies/elevator', { body: policy(30, 240) })).status).toBe(401);
  });

  it('when the community is unknown it answers 404; an unknown category, 400; a stale If-Match, 412', async () => {
    expect((await put('/communities/nowhere/sla-policies/noise', k.admin, policy(30, 240))).status).toBe(404);
    // Not a community id at all (NUL, upper case): 404 as well, and GET agrees.
    for (const id of ['a%00b', 'XinGang']) {
      expect((await put(`/communities/${id}/sla-policies/noise`, k.admin, policy(30, 240))).status).toBe(404);
      expect((await http(t.url, 'GET', `/communities/${id}`, { token: k.admin })).status).toBe(404);
    }
    const unknown = await put('/communities/xingang/sla-policies/karaoke', k.admin, policy(30, 240));
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('category');
    expect((await put('/communities/xingang/sla-policies/noise', k.admin, policy(30, 240), { 'if-match': '"1"' })).status).toBe(412);
  });

  it.each([
    ['zero minutes', policy(0, 60), 'acknowledgeWithinMinutes'],
    ['more than a year', policy(60, 525_601), 'resolveWithinMinutes'],
    ['a fraction', policy(1.5, 60), 'acknowledgeWithinMinutes'],
    ['a number as text', policy(60, '600'), 'resolveWithinMinutes'],
    ['a missing field', { acknowledgeWithinMinutes: 60 }, 'resolveWithinMinutes'],
    ['an unknown field', { ...policy(60, 600), escalateAfterMinutes: 5 }, 'escalateAfterMinutes'],
    ['an unknown clock', policy(60, 600, { clock: 'lunar' }), 'clock'],
    ['a warning at 0 percent', policy(60, 600, { warnAtPercent: 0 }), 'warnAtPercent'],
    ['a warning at 100 percent', policy(60, 600, { warnAtPercent: 100 }), 'warnAtPercent'],
    ['a fractional percent', policy(60, 600, { warnAtPercent: 50.5 }), 'warnAtPercent'],
    ['a negative escalation step', policy(60, 600, { escalateAfterBreachMinutes: [-1, 60] }), 'escalateAfterBreachMinutes'],
    ['unsorted escalation steps', policy(60, 600, { escalateAfterBreachMinutes: [60, 0] }), 'escalateAfterBreachMinutes'],
    [
      'five escalation steps for four levels',
      policy(60, 600, { escalateAfterBreachMinutes: [0, 1, 2, 3, 4] }),
      'escalateAfterBreachMinutes',
    ],
    ['escalation minutes that are not a list', policy(60, 600, { escalateAfterBreachMinutes: 60 }), 'escalateAfterBreachMinutes'],
  ])('when the body has %s, it answers 400 naming the field', async (_, body, field) => {
    const r = await put('/communities/xingang/sla-policies/parking', k.admin, body);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(field);
  });

  it('when a policy gives every field, the community shows it as given', async () => {
    const full = policy(45, 900, { clock: 'business', warnAtPercent: 50, escalateAfterBreachMinutes: [30, 30, 600] });
    const r = await put('/communities/xingang/sla-policies/fees', k.admin, full);
    expect(r.status).toBe(200);
    expect((await community('xingang', r.body.position)).slaPolicies.fees).toEqual(full);
  });

  it("when a policy leaves the new fields out, the category's defaults fill them", async () => {
    const r = await put('/communities/xingang/sla-policies/elevator', k.admin, policy(30, 240));
    const shown = (await community('xingang', r.body.position)).slaPolicies.elevator;
    expect(shown).toEqual(policy(30, 240, { clock: 'continuous', warnAtPercent: 80, escalateAfterBreachMinutes: [0, 1440, 4320] }));
    const q = await put('/communities/xingang/sla-policies/greenery', k.admin, policy(30, 240));
    expect((await community('xingang', q.body.position)).slaPolicies.greenery.clock).toBe('business');
  });

  it('when the minutes are at the bounds (1 and 525600), the policy is accepted', async () => {
    expect((await put('/communities/xingang/sla-policies/parking', k.admin, policy(1, 525_600))).status).toBe(200);
  });

  it('when a client reads the OpenAPI document, the endpoint is there with its categories and limits', async () => {
    const doc = (await http(t.url, 'GET', '/docs/openapi.json')).body;
    const op = doc.paths['/communities/{id}/sla-policies/{category}'].put;
    expect(op.parameters.find((p: { name: string }) => p.name === 'category').schema.enum).toContain('water_power');
    expect(doc.components.schemas.SetSlaPolicyDto.properties.resolveWithinMinutes).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 525_600,
    });
  });
});

describe('business and continuous clocks', () => {
  /** A ticket filed at a chosen local time (only Date is faked) under the policy given for its category. */
  async function fileAt(local: string, category: string, more: Record<string, unknown>) {
    fakeDateFrom(local);
    try {
      const [admin, resident] = [await t.token(USERS.admin), await t.token(USERS.residentX)];
      expect((await put(`/communities/xingang/sla-policies/${category}`, admin, { ...more })).status).toBe(200);
      jest.setSystemTime(shanghai(local));
      const filed = await post('/tickets', resident, ticketBody({ communityId: 'xingang', category }));
      expect(filed.status).toBe(201);
      const read = await http(t.url, 'GET', `/tickets/${filed.body.id}?minPosition=${filed.body.position}`, { token: admin });
      return { deadlines: read.body.deadlines, due: lateness(local, read.body.filedAt) };
    } finally {
      jest.useRealTimers();
    }
  }
  const hourAndTen = (clock: string) => ({ acknowledgeWithinMinutes: 60, resolveWithinMinutes: 600, clock });

  it('when a business policy meets a weekend, its minutes stop at 17:30 on Friday and go on at 08:30 on Monday', async () => {
    const x = await fileAt('2026-12-04T17:00', 'parking', hourAndTen('business'));
    // 30 minutes on Friday; an hour is due Monday 09:00; ten hours run through Monday into Tuesday.
    expect(x.deadlines).toEqual({ acknowledgeBy: x.due('2026-12-07T09:00'), resolveBy: x.due('2026-12-08T09:00') });
  });

  it('when a business policy meets a night, its minutes start at 08:30 the next morning', async () => {
    const x = await fileAt('2026-12-09T20:00', 'parking', hourAndTen('business'));
    // Filed after hours, however late: the minutes start at 08:30 sharp.
    const exactly = (local: string) => new Date(shanghai(local)).toISOString();
    expect(x.deadlines).toEqual({ acknowledgeBy: exactly('2026-12-10T09:30'), resolveBy: exactly('2026-12-11T09:30') });
  });

  it('when the same policy runs around the clock, Friday evening and the weekend count', async () => {
    const x = await fileAt('2026-12-04T17:00', 'noise', hourAndTen('continuous'));
    expect(x.deadlines).toEqual({ acknowledgeBy: x.due('2026-12-04T18:00'), resolveBy: x.due('2026-12-05T03:00') });
  });
});

describe('the SLA timer', () => {
  it('when the acknowledge deadline passes unanswered, one breach is recorded, however often and by however many timers asked', async () => {
    const tickets = [await fileTicket(), await fileTicket(), await fileTicket()];
    await caughtUp(await lastPosition(tickets[2].id));
    const due = new Date(Math.max(...tickets.map((x) => Date.parse(x.deadlines.acknowledgeBy))));
    await timer.tick(at(tickets[0].deadlines.acknowledgeBy, -1));
    expect(await recorded(tickets[0].id, 'TicketSlaBreached')).toEqual([]);

    const [mine, theirs] = await Promise.all([timer.tick(due), anotherTimer().tick(due)]);
    expect(mine.failed + theirs.failed).toBe(0);
    for (let i = 0; i < 3; i++) await timer.tick(at(due.toISOString(), i * MINUTE));
    for (const x of tickets) {
      const breaches = await recorded(x.id, 'TicketSlaBreached');
      expect(breaches.map((e) => e.data)).toEqual([expect.objectContaining({ kind: 'acknowledge', deadline: x.deadlines.acknowledgeBy })]);
      expect((await ticket(x.id, breaches[0].position)).slaBreached).toEqual({ acknowledge: true, resolve: false });
    }
  });

  it('when the company answered in time, by acknowledging or by a public reply, no acknowledge breach is recorded', async () => {
    const acknowledged = await fileTicket();
    const replied = await fileTicket();
    const noted = await fileTicket();
    await write(`/tickets/${acknowledged.id}/acknowledge`, k.staff, { message: '收到，已通知维保' });
    await write(`/tickets/${replied.id}/comments`, k.staff, { text: '维保师傅二十分钟到' });
    await caughtUp(await write(`/tickets/${noted.id}/comments`, k.staff, { text: '内部：维保合同到期', internal: true }));
    await timer.tick(at(noted.deadlines.acknowledgeBy, 60 * MINUTE));
    expect(await recorded(acknowledged.id, 'TicketSlaBreached', 'acknowledge')).toEqual([]);
    expect(await recorded(replied.id, 'TicketSlaBreached', 'acknowledge')).toEqual([]);
    expect(await recorded(noted.id, 'TicketSlaBreached', 'acknowledge')).toHaveLength(1);
  });

  it('when a resolved ticket waits 7 days unanswered, it is closed automatically, and not a moment before', async () => {
    const filed = await fileTicket();
    await write(`/tickets/${filed.id}/actions`, k.staff, { description: '更换控制板' });
    const { resolvedAt } = await ticket(filed.id, await write(`/tickets/${filed.id}/resolve`, k.staff, { resolution: '电梯已恢复' }));
    await caughtUp(await lastPosition(filed.id));

    await timer.tick(at(resolvedAt, 7 * DAY - 1));
    expect(await recorded(filed.id, 'TicketAutoClosed')).toEqual([]);
    await timer.tick(at(resolvedAt, 7 * DAY));
    await timer.tick(at(resolvedAt, 8 * DAY));
    const closed = await recorded(filed.id, 'TicketAutoClosed');
    expect(closed).toHaveLength(1);
    expect(await ticket(filed.id, closed[0].position)).toMatchObject({ status: 'closed', closedAt: at(resolvedAt, 7 * DAY).toISOString() });
  });

  it('when the reporter rejects the resolve, the ticket is not closed automatically', async () => {
    const filed = await fileTicket();
    await write(`/tickets/${filed.id}/actions`, k.staff, { description: '更换控制板' });
    const { resolvedAt } = await ticket(filed.id, await write(`/tickets/${filed.id}/resolve`, k.staff, { resolution: '电梯已恢复' }));
    await caughtUp(await write(`/tickets/${filed.id}/reject`, k.residentA, { reason: '还是停' }));
    await timer.tick(at(resolvedAt, 8 * DAY));
    expect(await recorded(filed.id, 'TicketAutoClosed')).toEqual([]);
    expect((await ticket(filed.id, await lastPosition(filed.id))).status).toBe('in_progress');
  });

  it('when a ticket is resolved after its resolve deadline passed, the resolve breach is recorded exactly once', async () => {
    const filed = await fileTicket();
    await write(`/tickets/${filed.id}/acknowledge`, k.staff, { message: '收到' });
    await caughtUp(await write(`/tickets/${filed.id}/actions`, k.staff, { description: '等配件' }));
    await timer.tick(at(filed.deadlines.resolveBy, MINUTE));
    await write(`/tickets/${filed.id}/resolve`, k.staff, { resolution: '配件到了，已修好' });
    await caughtUp(await write(`/tickets/${filed.id}/reject`, k.residentA, { reason: '又坏了' }));
    await timer.tick(at(filed.deadlines.resolveBy, DAY));
    await anotherTimer().tick(at(filed.deadlines.resolveBy, 2 * DAY));
    const breaches = await recorded(filed.id, 'TicketSlaBreached');
    expect(breaches.map((e) => e.data.kind)).toEqual(['resolve']);
    expect(breaches[0].data.deadline).toBe(filed.deadlines.resolveBy);
  });

  it('when two instances run the timer loop, only one leads; when it stops, the other takes over', async () => {
    const longAgo = () => new Date('2001-01-01T00:00:00Z');
    const [first, second] = [anotherTimer(longAgo), anotherTimer(longAgo)];
    try {
      expect(await first.runOnce()).toEqual({ due: 0, recorded: 0, failed: 0, lastPosition: 0 });
      expect(await second.runOnce()).toBeNull();
      expect(await first.runOnce()).not.toBeNull();
      await first.stop();
      expect(await second.runOnce()).not.toBeNull();
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it("when the loop runs, it ticks at its clock's time; when stopped, it finishes the work in hand and lets go of the lead", async () => {
    const filed = await fileTicket();
    await caughtUp(await lastPosition(filed.id));
    let ticked!: () => void;
    const firstTick = new Promise<void>((resolve) => (ticked = resolve));
    const looping = anotherTimer(() => {
      ticked();
      return at(filed.deadlines.acknowledgeBy, MINUTE);
    });
    const standby = anotherTimer(() => new Date('2001-01-01T00:00:00Z'));
    looping.start();
    await firstTick;
    expect(await standby.runOnce()).toBeNull();
    await looping.stop();
    expect(await recorded(filed.id, 'TicketSlaBreached', 'acknowledge')).toHaveLength(1);
    expect(await standby.runOnce()).not.toBeNull();
    await standby.stop();
  });
});
