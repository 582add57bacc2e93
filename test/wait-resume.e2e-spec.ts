import { CommandBus, type Command } from '@nestjs/cqrs';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import type { Principal } from '@jinlin/domain';
import type { CommandContext } from '../apps/api/src/commands/command-context';
import type { CommandResult } from '../apps/api/src/commands/handle-command';
import { AcknowledgeTicketCommand } from '../apps/api/src/tickets/acknowledge-ticket/acknowledge-ticket.command';
import { FileTicketCommand, type TicketReport } from '../apps/api/src/tickets/file-ticket/file-ticket.command';
import { ResumeTicketCommand } from '../apps/api/src/tickets/resume-ticket/resume-ticket.command';
import { WaitTicketCommand } from '../apps/api/src/tickets/wait-ticket/wait-ticket.command';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens } from './support/world';

/**
 * SPEC §4.1, §4.2 rule 6 and §4.9 over HTTP: wait, resume, the reporter's answer, and what the
 * ticket shows. Requests run at real time, so the pause arithmetic is checked against the
 * TicketWaiting and TicketResumed times the timeline shows; the business clock, whose minutes
 * need a wait across closing time, is driven through the command bus at chosen times.
 */
let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('wait_resume');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

type Entry = { position: number; type: string; actor: { id: string; name: string | null }; data: Record<string, any> };

const post = (path: string, token: string, body: unknown = {}, headers?: Record<string, string>) =>
  http(t.url, 'POST', path, { token, body, headers });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ok(path: string, token: string, body: unknown = {}): Promise<number> {
  const r = await post(path, token, body);
  expect({ path, status: r.status, detail: r.body?.detail }).toMatchObject({ path, status: 200 });
  return r.body.position;
}

async function fileTicket(overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await post('/tickets', k.residentA, ticketBody(overrides));
  expect(r.status).toBe(201);
  return r.body.id;
}

/** Filed by 王阿姨 and acknowledged by the staff: ready to wait. */
async function acknowledged(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await fileTicket(overrides);
  await ok(`/tickets/${id}/acknowledge`, k.staff, { message: '收到' });
  return id;
}

async function ticket(id: string, minPosition: number, token = k.admin) {
  const r = await http(t.url, 'GET', `/tickets/${id}?minPosition=${minPosition}`, { token });
  expect(r.status).toBe(200);
  return r.body;
}

async function timeline(id: string): Promise<Entry[]> {
  return (await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin })).body.events;
}
const last = async (id: string, type: string) => (await timeline(id)).filter((e) => e.type === type).at(-1)!;
const filedResolveBy = async (id: string) => Date.parse((await timeline(id))[0].data.resolveBy);
const waited = (resumed: Entry) => Date.parse(resumed.data.resumedAt) - Date.parse(resumed.data.waitingSince);

describe('waiting on the resident, around the clock (an elevator: continuous minutes)', () => {
  it('when staff wait on the resident, the ticket shows it is waiting, on whom and since when, with its deadlines as filed', async () => {
    const id = await acknowledged();
    const position = await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '需入户检查，业主不在家' });
    const waiting = await last(id, 'TicketWaiting');
    expect(waiting).toMatchObject({ actor: { id: 'staff-1', name: '小陈' }, data: { on: 'resident', reason: '需入户检查，业主不在家' } });
    expect(await ticket(id, position)).toMatchObject({
      status: 'waiting',
      waitingOn: 'resident',
      waitingSince: waiting.data.waitingSince,
      pausedSeconds: 0,
      deadlines: { resolveBy: new Date(await filedResolveBy(id)).toISOString() },
    });
  });

  it('when the wait ends, the resolve deadline moves back by exactly the time waited and the pauses add up', async () => {
    const id = await acknowledged();
    const acknowledgeBy = (await timeline(id))[0].data.acknowledgeBy;
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '等业主回家' });
    await sleep(1_100); // a pause of whole seconds, so pausedSeconds has something to count
    const first = await ok(`/tickets/${id}/resume`, k.staff);
    const resumed = await last(id, 'TicketResumed');
    expect(resumed).toMatchObject({ actor: { id: 'staff-1' }, data: { on: 'resident', cause: 'resume' } });
    const after = await ticket(id, first);
    expect(after).toMatchObject({ status: 'acknowledged', waitingOn: null, waitingSince: null, deadlines: { acknowledgeBy } });
    expect(Date.parse(after.deadlines.resolveBy) - (await filedResolveBy(id))).toBe(waited(resumed));
    expect(after.pausedSeconds).toBe(Math.floor(waited(resumed) / 1000));

    await ok(`/tickets/${id}/wait`, k.manager, { on: 'resident', reason: '业主出差' });
    await sleep(1_100);
    const second = await ok(`/tickets/${id}/resume`, k.manager);
    const again = await last(id, 'TicketResumed');
    const twice = await ticket(id, second);
    expect(Date.parse(twice.deadlines.resolveBy) - Date.parse(after.deadlines.resolveBy)).toBe(waited(again));
    expect(twice.pausedSeconds).toBe(after.pausedSeconds + Math.floor(waited(again) / 1000));
  });

  it('when the reporter comments on a wait on the resident, the system resumes it before her comment', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/actions`, k.staff, { description: '上门无人应门' });
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '等业主约时间' });
    const position = await ok(`/tickets/${id}/comments`, k.residentA, { text: '我周六上午在家' });
    const events = await timeline(id);
    expect(events.slice(-2).map((e) => [e.type, e.actor.id, e.actor.name])).toEqual([
      ['TicketResumed', 'system', '系统'],
      ['TicketCommented', 'res-a', '王阿姨'],
    ]);
    const resumed = events.at(-2)!;
    expect(resumed.data).toMatchObject({ cause: 'reporter_comment', by: { id: 'system' } });
    const after = await ticket(id, position);
    // Work was done during the wait: it is in progress once the wait is over.
    expect(after).toMatchObject({ status: 'in_progress', waitingSince: null, pausedSeconds: Math.floor(waited(resumed) / 1000) });
    expect(Date.parse(after.deadlines.resolveBy) - (await filedResolveBy(id))).toBe(waited(resumed));
  });

  it('when the wait is on parts, the reporter’s comment leaves it waiting, and its resume pushes nothing back', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'parts', reason: '控制板已下单' });
    const commented = await ok(`/tickets/${id}/comments`, k.residentA, { text: '什么时候能到？' });
    expect(await ticket(id, commented)).toMatchObject({ status: 'waiting', waitingOn: 'parts' });
    expect((await timeline(id)).at(-1)!.type).toBe('TicketCommented');
    const resumed = await ok(`/tickets/${id}/resume`, k.staff);
    expect(await last(id, 'TicketResumed')).toMatchObject({ data: { on: 'parts', pausedSeconds: 0 } });
    expect(await ticket(id, resumed)).toMatchObject({
      status: 'acknowledged',
      pausedSeconds: 0,
      deadlines: { resolveBy: new Date(await filedResolveBy(id)).toISOString() },
    });
  });

  it('when a waiting ticket is resolved, the wait ends first: TicketResumed, then TicketResolved', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/actions`, k.staff, { description: '更换门锁电机' });
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '等业主试用' });
    const position = await ok(`/tickets/${id}/resolve`, k.staff, { resolution: '已修好' });
    const events = await timeline(id);
    expect(events.slice(-2).map((e) => [e.type, e.actor.id])).toEqual([
      ['TicketResumed', 'staff-1'],
      ['TicketResolved', 'staff-1'],
    ]);
    expect(events.at(-2)!.data).toMatchObject({ cause: 'resolve' });
    expect(await ticket(id, position)).toMatchObject({ status: 'resolved', waitingOn: null, waitingSince: null });
  });

  it('when the reporter withdraws a waiting ticket, it is withdrawn and waits no more', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'third_party', reason: '等电梯厂家' });
    const position = await ok(`/tickets/${id}/withdraw`, k.residentA, { reason: '自己找人修好了' });
    expect(await ticket(id, position)).toMatchObject({ status: 'withdrawn', waitingOn: null, waitingSince: null });
    expect((await post(`/tickets/${id}/resume`, k.staff)).body).toMatchObject({ code: 'TICKET_FINISHED' });
  });
});

describe('waiting on the resident, in business minutes (sanitation), at chosen times', () => {
  const bus = () => t.app.get(CommandBus);
  // The tokens' people (support/world.ts), as the service reads them.
  const residentA: Principal = { id: USERS.residentA.sub, roles: ['resident'], communities: ['qianpu'] };
  const staff: Principal = { id: USERS.staff.sub, roles: ['staff'], communities: [], companyId: 'jiayuan' };
  const ctx = (actor: Principal, shanghai: string): CommandContext => ({
    actor,
    now: new Date(`${shanghai}+08:00`).toISOString(),
    correlationId: `wait-resume-${shanghai}`,
  });
  const run = (command: Command<CommandResult>): Promise<CommandResult> => bus().execute(command);
  const report: TicketReport = {
    communityId: 'qianpu',
    category: 'sanitation',
    title: '垃圾站满了',
    description: '三天没清运',
    location: null,
    channel: 'app',
  };

  /** Filed on Friday 2026-11-06 at 15:00, acknowledged at 15:30, on hold from 17:00. */
  async function waitingSinceFriday(on: 'resident' | 'parts'): Promise<string> {
    const { id } = await run(new FileTicketCommand(report, ctx(residentA, '2026-11-06T15:00:00')));
    await run(new AcknowledgeTicketCommand(id, '收到', ctx(staff, '2026-11-06T15:30:00')));
    await run(new WaitTicketCommand(id, on, '等', ctx(staff, '2026-11-06T17:00:00')));
    return id;
  }
  const resumeOnMonday = (id: string) => run(new ResumeTicketCommand(id, ctx(staff, '2026-11-09T09:30:00')));
  const overdueIds = async (position: number) => {
    const r = await http(t.url, 'GET', `/tickets?overdue=true&communityId=qianpu&limit=100&minPosition=${position}`, { token: k.manager });
    expect(r.status).toBe(200);
    return r.body.items.map((i: { id: string }) => i.id);
  };

  it('when the wait spans a weekend, the deadline moves back by its 90 business minutes, not its 64½ hours', async () => {
    const id = await waitingSinceFriday('resident');
    // 4320 business minutes (08:30–17:30, Monday to Friday) from Friday 15:00: Wednesday 11-18 at 15:00.
    expect((await timeline(id))[0].data.resolveBy).toBe('2026-11-18T07:00:00.000Z');
    const { position } = await resumeOnMonday(id);
    // Friday 17:00–17:30 and Monday 08:30–09:30: 90 minutes, to Wednesday 16:30.
    expect(await ticket(id, position)).toMatchObject({
      status: 'acknowledged',
      deadlines: { resolveBy: '2026-11-18T08:30:00.000Z' },
      pausedSeconds: 64.5 * 3600,
    });
  });

  it('when its deadline has passed, a ticket waiting on the resident is not overdue; on parts it is, and so is the resumed one', async () => {
    const onResident = await waitingSinceFriday('resident');
    const onParts = await waitingSinceFriday('parts');
    const before = await overdueIds((await timeline(onParts)).at(-1)!.position);
    expect(before).toContain(onParts);
    expect(before).not.toContain(onResident);
    const { position } = await resumeOnMonday(onResident);
    expect(await overdueIds(position)).toEqual(expect.arrayContaining([onParts, onResident]));
  });

  it('when the monthly report lists tickets on hold, they read 等待中, overdue only where the clock runs', async () => {
    const onResident = await waitingSinceFriday('resident');
    const onParts = await waitingSinceFriday('parts');
    const position = (await timeline(onParts)).at(-1)!.position;
    expect(await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(position, 10_000)).toBe(true);
    const report = await http(t.url, 'GET', '/reports/monthly?communityId=qianpu&month=2026-11', { token: k.secretary });
    expect(report.status).toBe(200);
    const row = (id: string) => report.text.split(/\r?\n/).find((line) => line.startsWith(id));
    // Status is the fifth column, overdue (当前超期) the last.
    expect(row(onResident)).toMatch(/^[^,]+,[^,]+,[^,]+,[^,]+,等待中,.*,否$/);
    expect(row(onParts)).toMatch(/^[^,]+,[^,]+,[^,]+,[^,]+,等待中,.*,是$/);
  });
});

describe('the list', () => {
  it('when filtered by waiting=true or status=waiting, it answers only the tickets on hold', async () => {
    const onHold = await acknowledged();
    const position = await ok(`/tickets/${onHold}/wait`, k.staff, { on: 'parts', reason: '等配件' });
    const notOnHold = await acknowledged();
    for (const filter of ['waiting=true', 'status=waiting']) {
      const r = await http(t.url, 'GET', `/tickets?${filter}&limit=100&minPosition=${position}`, { token: k.staff });
      const ids = r.body.items.map((i: { id: string }) => i.id);
      expect({ filter, hasOnHold: ids.includes(onHold), hasOther: ids.includes(notOnHold) }).toEqual({
        filter,
        hasOnHold: true,
        hasOther: false,
      });
      expect(r.body.items.every((i: { status: string }) => i.status === 'waiting')).toBe(true);
    }
    const others = await http(t.url, 'GET', `/tickets?waiting=false&limit=100&minPosition=${position}`, { token: k.staff });
    expect(others.body.items.map((i: { id: string }) => i.id)).not.toContain(onHold);
    expect((await http(t.url, 'GET', '/tickets?waiting=maybe', { token: k.staff })).status).toBe(400);
  });

  it('when a neighbour reads a community-visible ticket on hold, they see its status and nothing of the wait', async () => {
    const id = await acknowledged({ visibility: 'community' });
    const position = await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '等业主开门' });
    const seen = await ticket(id, position, k.residentB);
    expect(seen).toMatchObject({ status: 'waiting', view: 'community' });
    for (const field of ['waitingOn', 'waitingSince', 'pausedSeconds', 'deadlines']) expect(seen).not.toHaveProperty(field);
  });
});

describe('refusals', () => {
  it('when the ticket is not acknowledged or in progress, or already waiting, or not waiting, the answer is 409', async () => {
    const open = await fileTicket();
    expect((await post(`/tickets/${open}/wait`, k.staff, { on: 'parts', reason: '等' })).body).toMatchObject({
      status: 409,
      code: 'CANNOT_WAIT',
    });
    const id = await acknowledged();
    expect((await post(`/tickets/${id}/resume`, k.staff)).body).toMatchObject({ status: 409, code: 'NOT_WAITING' });
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'parts', reason: '等' });
    expect((await post(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '再等' })).body).toMatchObject({
      status: 409,
      code: 'ALREADY_WAITING',
    });
    expect(await timeline(id)).toHaveLength(3);
  });

  it('when the reporter, the committee or the secretary ask to wait or resume, the answer is 403; another company 404', async () => {
    const id = await acknowledged();
    for (const token of [k.residentA, k.committee, k.secretary]) {
      expect((await post(`/tickets/${id}/wait`, token, { on: 'resident', reason: '等' })).status).toBe(403);
    }
    expect((await post(`/tickets/${id}/wait`, k.otherStaff, { on: 'resident', reason: '等' })).status).toBe(404);
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '等' });
    expect((await post(`/tickets/${id}/resume`, k.residentA)).status).toBe(403);
    expect((await post(`/tickets/${id}/resume`, k.committee)).status).toBe(403);
  });

  it.each([
    ['an unknown on', { on: 'neighbour', reason: '等' }, /^on/],
    ['no on', { reason: '等' }, /^on/],
    ['no reason', { on: 'resident' }, /^reason/],
    ['a blank reason', { on: 'resident', reason: '   ' }, /^reason/],
    ['a reason of 2001 characters', { on: 'resident', reason: '等'.repeat(2001) }, /^reason/],
    ['an unknown field', { on: 'resident', reason: '等', until: 'tomorrow' }, /^until/],
  ])('when the body has %s, the answer is 400 naming the field and nothing is written', async (_label, body, field) => {
    const id = await acknowledged();
    const r = await post(`/tickets/${id}/wait`, k.staff, body);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.stringMatching(field)]);
    expect(await timeline(id)).toHaveLength(2);
  });

  it('when resume is sent a body with a field, the answer is 400', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'parts', reason: '等' });
    expect((await post(`/tickets/${id}/resume`, k.staff, { at: 'now' })).status).toBe(400);
  });
});

describe('concurrency and repeats', () => {
  it('when If-Match is stale, waiting answers 412; with the right version it succeeds', async () => {
    const id = await acknowledged();
    const body = { on: 'parts', reason: '等' };
    expect((await post(`/tickets/${id}/wait`, k.staff, body, { 'if-match': '"1"' })).status).toBe(412);
    const r = await post(`/tickets/${id}/wait`, k.staff, body, { 'if-match': '"2"' });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"3"');
  });

  it('when the same Idempotency-Key is sent again, the resume answers as the first and appends nothing', async () => {
    const id = await acknowledged();
    await ok(`/tickets/${id}/wait`, k.staff, { on: 'parts', reason: '等' });
    const headers = { 'idempotency-key': `resume-${id}` };
    const first = await post(`/tickets/${id}/resume`, k.staff, {}, headers);
    const again = await post(`/tickets/${id}/resume`, k.staff, {}, headers);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await timeline(id)).toHaveLength(4);
  });
});
