import type { SlaPolicy } from '@jinlin/domain';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { SlaTimer } from '../apps/api/src/sla/sla-timer';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens } from './support/world';

/**
 * SPEC §4.9's warnings and escalation ladder with a minute-scale policy. The timer loop is off
 * (TIMERS_RUN=false): each test drives the timer through tick(now) at chosen instants ahead of
 * the wall clock, so one-minute steps take no minutes.
 */
let t: TestApp;
let k: Tokens;
let timer: SlaTimer;

const MINUTE = 60_000;
const POLICY: SlaPolicy = {
  acknowledgeWithinMinutes: 1,
  resolveWithinMinutes: 2,
  clock: 'continuous',
  warnAtPercent: 50,
  escalateAfterBreachMinutes: [0, 1, 3],
};

beforeAll(async () => {
  t = await startTestApp('sla_ladder');
  k = await tokensFor(t);
  await seedWorld(t, k);
  timer = t.app.get(SlaTimer);
  const set = await http(t.url, 'PUT', '/communities/qianpu/sla-policies/elevator', { token: k.admin, body: POLICY });
  expect(set.status).toBe(200);
}, 60_000);
afterAll(() => t.close());

type Entry = { position: number; type: string; actor: { id: string } | null; data: Record<string, any> };

const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const post = (path: string, token: string, body: unknown = {}) => http(t.url, 'POST', path, { token, body });
const timeline = async (id: string): Promise<Entry[]> =>
  (await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin })).body.events;
const recorded = async (id: string, type: string) => (await timeline(id)).filter((e) => e.type === type);
const escalations = async (id: string) =>
  (await recorded(id, 'TicketEscalated')).map((e) => ({ level: e.data.level, by: e.actor?.id, at: e.data.escalatedAt }));

async function caughtUp(id: string) {
  const position = (await timeline(id)).at(-1)!.position;
  expect(await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(position, 30_000)).toBe(true);
}

/** The timer at `instant`, once the work list has seen everything the ticket recorded so far. */
async function tickAt(id: string, instant: Date) {
  await caughtUp(id);
  const report = await timer.tick(instant);
  expect(report.failed).toBe(0);
}

async function write(path: string, token: string, body: unknown = {}) {
  const r = await post(path, token, body);
  expect(r.status).toBeLessThan(300);
}

async function fileTicket() {
  const r = await post('/tickets', k.residentA, ticketBody());
  expect(r.status).toBe(201);
  const ticket = await http(t.url, 'GET', `/tickets/${r.body.id}?minPosition=${r.body.position}`, { token: k.admin });
  return { id: r.body.id as string, filedAt: ticket.body.filedAt as string, resolveBy: ticket.body.deadlines.resolveBy as string };
}

it('when nobody answers, each warning, breach and step of the ladder is recorded once, by the system, when it falls due', async () => {
  const { id, filedAt, resolveBy } = await fileTicket();
  expect(resolveBy).toBe(at(filedAt, 2 * MINUTE).toISOString());
  const instants = [0, 1, 2, 3, 5].flatMap((m) => [m * MINUTE - 1, m * MINUTE]).concat([10 * MINUTE, 24 * 60 * MINUTE]);
  for (const ms of instants) await tickAt(id, at(filedAt, ms));
  await tickAt(id, at(filedAt, 10 * MINUTE)); // and once more, as another instance or a repeated tick would

  const when = (minutes: number) => at(filedAt, minutes * MINUTE).toISOString();
  // 50 % of one minute is half a minute, which whole minutes make 0: the first warning comes at filing.
  expect((await recorded(id, 'TicketSlaWarning')).map((e) => [e.data.kind, e.data.detectedAt, e.actor?.id])).toEqual([
    ['acknowledge', when(0), 'system'],
    ['resolve', when(1), 'system'],
  ]);
  expect((await recorded(id, 'TicketSlaBreached')).map((e) => [e.data.kind, e.data.detectedAt])).toEqual([
    ['acknowledge', when(1)],
    ['resolve', when(2)],
  ]);
  expect(await escalations(id)).toEqual([
    { level: 'committee', by: 'system', at: when(2) },
    { level: 'party_branch', by: 'system', at: when(3) },
    { level: 'neighbourhood', by: 'system', at: when(5) },
  ]);
  expect((await recorded(id, 'TicketEscalated')).map((e) => [e.data.cause, e.data.step])).toEqual([
    ['sla', 0],
    ['sla', 1],
    ['sla', 2],
  ]);
  const ticket = await http(t.url, 'GET', `/tickets/${id}`, { token: k.admin });
  expect(ticket.body.escalationLevel).toBe('neighbourhood');
}, 60_000);

it('when the committee called the party branch before the one-minute step, the system skips that level and calls the 社区 at three', async () => {
  const { id, filedAt } = await fileTicket();
  await tickAt(id, at(filedAt, 2 * MINUTE));
  await write(`/tickets/${id}/escalate`, k.committee, { level: 'party_branch', reason: '业委会：电梯停了两天还没人管' });
  for (const minutes of [3, 4, 5, 10]) await tickAt(id, at(filedAt, minutes * MINUTE));
  expect((await escalations(id)).map(({ level, by }) => [level, by])).toEqual([
    ['committee', 'system'],
    ['party_branch', USERS.committee.sub],
    ['neighbourhood', 'system'],
  ]);
  expect((await escalations(id))[2].at).toBe(at(filedAt, 5 * MINUTE).toISOString());
}, 60_000);

it('when the ticket is resolved after its breach, the ladder stops', async () => {
  const { id, filedAt } = await fileTicket();
  await write(`/tickets/${id}/actions`, k.staff, { description: '更换控制板' });
  await tickAt(id, at(filedAt, 2 * MINUTE));
  await write(`/tickets/${id}/resolve`, k.staff, { resolution: '电梯已恢复' });
  for (const minutes of [3, 5, 60, 24 * 60]) await tickAt(id, at(filedAt, minutes * MINUTE));
  expect(await escalations(id)).toEqual([{ level: 'committee', by: 'system', at: at(filedAt, 2 * MINUTE).toISOString() }]);
}, 60_000);

it('when the company waits on the resident before the deadline, nothing is breached while it waits; the breach comes at the pushed-back deadline', async () => {
  const { id, filedAt, resolveBy } = await fileTicket();
  await write(`/tickets/${id}/acknowledge`, k.staff, { message: '收到，师傅上门要业主开门' });
  await write(`/tickets/${id}/wait`, k.staff, { on: 'resident', reason: '业主不在家，约了明天上门' });
  for (const minutes of [2, 5, 10]) await tickAt(id, at(filedAt, minutes * MINUTE));
  expect(await recorded(id, 'TicketSlaBreached')).toEqual([]);
  expect((await recorded(id, 'TicketSlaWarning')).map((e) => e.data.kind)).toEqual(['acknowledge']);

  await write(`/tickets/${id}/resume`, k.staff);
  const [resumed] = await recorded(id, 'TicketResumed');
  // The deadline and its warning move by as long as the wait took (the clock is continuous).
  const waited = Date.parse(resumed.data.resumedAt) - Date.parse(resumed.data.waitingSince);
  const pushedBack = at(resolveBy, waited).toISOString();
  expect(waited).toBeGreaterThan(0);
  expect(resumed.data).toMatchObject({ resolveBy: pushedBack, resolveWarnAt: at(filedAt, MINUTE + waited).toISOString() });
  expect((await http(t.url, 'GET', `/tickets/${id}?minPosition=${resumed.position}`, { token: k.admin })).body.deadlines.resolveBy).toBe(
    pushedBack,
  );

  await tickAt(id, at(pushedBack, -1));
  expect(await recorded(id, 'TicketSlaBreached')).toEqual([]);
  expect((await recorded(id, 'TicketSlaWarning')).map((e) => e.data.kind)).toEqual(['acknowledge', 'resolve']);
  await tickAt(id, new Date(pushedBack));
  expect((await recorded(id, 'TicketSlaBreached')).map((e) => [e.data.kind, e.data.deadline])).toEqual([['resolve', pushedBack]]);
  expect((await escalations(id)).map((e) => e.level)).toEqual(['committee']);
}, 60_000);
