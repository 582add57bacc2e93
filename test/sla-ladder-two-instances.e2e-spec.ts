import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SlaPolicy } from '@jinlin/domain';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import type { TestDatabase } from '@jinlin/testing';
import type { Clock } from '../apps/api/src/sla/sla-clock';
import { SlaTimer } from '../apps/api/src/sla/sla-timer';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, USERS, type Tokens } from './support/world';

/**
 * SPEC §4.9 and §8.2: the ladder climbs each level once even with several service instances on
 * one database. The second instance has its own copy of every module — its own pools, leader
 * lock and in-process turn-taking, as another process would — so two timers asking the same
 * ticket at once meet only at the store's expected-version check.
 */
type Instance = Readonly<{ app: TestApp; timer: SlaTimer; timerWith: (clock: Clock) => SlaTimer; engine: ProjectionEngine }>;
type Classes = Readonly<{ SlaTimer: typeof SlaTimer; CommandBus: typeof CommandBus; DataSource: typeof DataSource; engine: symbol }>;

let a: Instance;
let b: Instance;
let k: Tokens;

const MINUTE = 60_000;
const POLICY: SlaPolicy = {
  acknowledgeWithinMinutes: 1,
  resolveWithinMinutes: 2,
  clock: 'continuous',
  warnAtPercent: 50,
  escalateAfterBreachMinutes: [0, 1, 3],
};
const LOOP = { run: false, intervalMs: 100 };

/** The instance's own timer, and more of them over its own command bus and database. */
function instanceOf(app: TestApp, classes: Classes): Instance {
  const timerWith = (clock: Clock) => new classes.SlaTimer(app.app.get(classes.CommandBus), app.app.get(classes.DataSource), clock, LOOP);
  return { app, timer: app.app.get(classes.SlaTimer), timerWith, engine: app.app.get<ProjectionEngine>(classes.engine) };
}

async function secondInstance(db: TestDatabase): Promise<Instance> {
  let instance!: Instance;
  await jest.isolateModulesAsync(async () => {
    const support = await import('./support/test-app');
    const timers = await import('../apps/api/src/sla/sla-timer');
    const cqrs = await import('@nestjs/cqrs');
    const typeorm = await import('typeorm');
    const projections = await import('@jinlin/projections');
    const app = await support.startInstance(db);
    instance = instanceOf(app, {
      SlaTimer: timers.SlaTimer,
      CommandBus: cqrs.CommandBus,
      DataSource: typeorm.DataSource,
      engine: projections.PROJECTION_ENGINE,
    });
  });
  return instance;
}

beforeAll(async () => {
  const first = await startTestApp('sla_two_instances');
  a = instanceOf(first, { SlaTimer, CommandBus, DataSource, engine: PROJECTION_ENGINE });
  b = await secondInstance(first.db);
  expect(b.timer).not.toBeInstanceOf(SlaTimer); // really another copy of the code
  k = await tokensFor(a.app);
  await seedWorld(a.app, k);
  await ok(http(a.app.url, 'PUT', '/communities/qianpu/sla-policies/elevator', { token: k.admin, body: POLICY }));
}, 60_000);
afterAll(async () => {
  await b?.app.close();
  await a?.app.close();
});

type Entry = { position: number; type: string; actor: { id: string } | null; data: Record<string, any> };

const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const post = (via: Instance, path: string, token: string, body: unknown = {}) => http(via.app.url, 'POST', path, { token, body });
const timeline = async (id: string): Promise<Entry[]> =>
  (await http(b.app.url, 'GET', `/tickets/${id}/timeline`, { token: k.admin })).body.events;
/** Who escalated to which level, in the order of the ticket's stream. */
const escalations = async (id: string) =>
  (await timeline(id)).filter((e) => e.type === 'TicketEscalated').map((e) => `${e.data.level} by ${e.actor?.id}`);
const breaches = async (id: string) => (await timeline(id)).filter((e) => e.type === 'TicketSlaBreached').map((e) => e.data.kind);

async function ok(reply: Promise<{ status: number; text: string; body: any }>) {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${r.status} ${r.text}`);
  return r.body;
}

/** Both instances' work lists have seen every event so far (one of them runs each projection). */
async function caughtUp() {
  const head = Math.max(0, ...(await Promise.all(ids.map(async (id) => (await timeline(id)).at(-1)!.position))));
  for (const i of [a, b]) expect(await i.engine.waitFor(head, 30_000)).toBe(true);
}
let ids: string[] = [];

async function fileTickets(n: number): Promise<{ ids: string[]; latest: string }> {
  const filed: { id: string; position: number }[] = [];
  for (let i = 0; i < n; i++) filed.push(await ok(post(i % 2 ? b : a, '/tickets', k.residentA, ticketBody({ title: `电梯停运 ${i}` }))));
  const last = filed.at(-1)!;
  const ticket = await ok(http(a.app.url, 'GET', `/tickets/${last.id}?minPosition=${last.position}`, { token: k.admin }));
  ids.push(...filed.map((f) => f.id));
  return { ids: filed.map((f) => f.id), latest: ticket.filedAt };
}

/** Both instances' timers at `instant`, at the same time, `times` over. */
async function bothTick(instant: Date, times = 1) {
  const reports = await Promise.all(Array.from({ length: times }, () => [a.timer.tick(instant), b.timer.tick(instant)]).flat());
  expect(reports.map((r) => r.failed)).toEqual(reports.map(() => 0));
}

it('when both instances tick the same instants at once, each level is climbed once, never below a manual escalation, never after a resolve', async () => {
  ids = [];
  const { ids: filed, latest } = await fileTickets(9);
  const [plain, manual, resolved] = [filed.slice(0, 3), filed.slice(3, 6), filed.slice(6)];
  for (const id of resolved) await ok(post(a, `/tickets/${id}/actions`, k.staff, { description: '已报维保' }));
  await caughtUp();

  await bothTick(at(latest, 2 * MINUTE), 2);
  await caughtUp();
  for (const id of manual) await ok(post(b, `/tickets/${id}/escalate`, k.committee, { level: 'party_branch', reason: '业委会催办' }));
  for (const id of resolved) await ok(post(a, `/tickets/${id}/resolve`, k.staff, { resolution: '电梯已恢复' }));
  await caughtUp();
  for (const minutes of [3, 3, 4, 5, 5, 10]) {
    await bothTick(at(latest, minutes * MINUTE), 2);
    await caughtUp();
  }

  // The work recorded on the resolved ones was their first response, in time.
  for (const id of filed) expect(await breaches(id)).toEqual(resolved.includes(id) ? ['resolve'] : ['acknowledge', 'resolve']);
  for (const id of plain)
    expect(await escalations(id)).toEqual(['committee by system', 'party_branch by system', 'neighbourhood by system']);
  for (const id of manual)
    expect(await escalations(id)).toEqual(['committee by system', `party_branch by ${USERS.committee.sub}`, 'neighbourhood by system']);
  for (const id of resolved) expect(await escalations(id)).toEqual(['committee by system']);
}, 120_000);

it('when a late timer finds every step due, both instances asking at once still record each level once, in order', async () => {
  ids = [];
  const { ids: filed, latest } = await fileTickets(4);
  await caughtUp();
  await bothTick(at(latest, 10 * MINUTE), 3);
  await caughtUp();
  await bothTick(at(latest, 11 * MINUTE), 2);
  for (const id of filed) {
    expect(await breaches(id)).toEqual(['acknowledge', 'resolve']);
    expect(await escalations(id)).toEqual(['committee by system', 'party_branch by system', 'neighbourhood by system']);
  }
}, 120_000);

it('when both instances run their timer loops, one leads at a time and the ladder is climbed once per level', async () => {
  ids = [];
  const { ids: filed, latest } = await fileTickets(4);
  await caughtUp();
  let now = new Date(latest);
  const loops = [a.timerWith(() => now), b.timerWith(() => now)];
  const done = (id: string, n: number) => escalations(id).then((e) => e.length >= n);
  try {
    for (const l of loops) l.start();
    for (const [minutes, steps] of [
      [2, 1],
      [3, 2],
      [5, 3],
    ]) {
      now = at(latest, minutes * MINUTE);
      await eventually(async () => (await Promise.all(filed.map((id) => done(id, steps)))).every(Boolean));
    }
    now = at(latest, 60 * MINUTE);
    await new Promise((r) => setTimeout(r, 10 * LOOP.intervalMs)); // a few more turns with nothing left to climb
  } finally {
    await Promise.all(loops.map((l) => l.stop()));
  }
  for (const id of filed)
    expect(await escalations(id)).toEqual(['committee by system', 'party_branch by system', 'neighbourhood by system']);
}, 120_000);

async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
