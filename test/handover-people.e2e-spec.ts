import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { defectTicketId } from '../apps/api/src/handovers/file-defect-ticket/defect-ticket-id';
import type { HandoverProcess } from '../apps/api/src/handovers/handover-process';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { personBody, seedWorld, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §5's people over HTTP: steps get owners (registered people, named at read time) and due
 * dates; the inspection's defects become the incoming company's tickets on completion; the new
 * company confirms service continuity afterwards; the 社区/街道 officials read but do not run.
 */
let t: TestApp;
let k: Tokens;
let official: string;
let otherOfficial: string;
const OFFICIAL = { sub: 'nb-1', name: '社区张主任', roles: ['neighbourhood'], communities: ['qianpu'] };
const OTHER_OFFICIAL = { sub: 'sd-9', roles: ['subdistrict'], communities: ['xingang'] };
const ZHAO = { sub: 'mgr-2', name: '赵经理', roles: ['manager'], communities: [], companyId: 'jiayuan' };

/** A defect ticket is filed by the system for nobody (SPEC §5): it has no reporter. */
const NO_REPORTER = null;

beforeAll(async () => {
  t = await startTestApp('handover-people');
  k = await tokensFor(t);
  await seedWorld(t, k);
  for (const claims of [OFFICIAL, OTHER_OFFICIAL, ZHAO])
    expect((await http(t.url, 'POST', '/people', { token: k.admin, body: personBody(claims) })).status).toBe(201);
  official = await t.token(OFFICIAL);
  otherOfficial = await t.token(OTHER_OFFICIAL);
}, 60_000);
afterAll(() => t?.close());

const post = (path: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  http(t.url, 'POST', path, { token, body, headers });
const get = (path: string, token: string) => http(t.url, 'GET', path, { token });
const plan = (step: string, token: string, body: object, headers: Record<string, string> = {}) =>
  post(`/handovers/qianpu-h1/steps/${step}/plan`, token, body, headers);
const step = (name: string, token: string, extra: object = {}) =>
  post(`/handovers/qianpu-h1/steps/${name}/complete`, token, { note: `${name} 已完成`, ...extra });
const read = async (token: string, position: number) => (await get(`/handovers/qianpu-h1?minPosition=${position}`, token)).body;
const stepOf = (view: { steps: { step: string }[] }, name: string) => view.steps.find((s) => s.step === name) as any;
const engine = () => t.app.get<ProjectionEngine>(PROJECTION_ENGINE);

describe('owners and due dates', () => {
  beforeAll(async () => {
    const started = await post('/handovers', k.committee, { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '原物业退出' });
    expect(started.status).toBe(201);
  });

  it('when a registered owner is given a past due date, the handover shows their name and the step overdue', async () => {
    const planned = await plan('archives', k.secretary, { ownerId: 'staff-1', due: '2026-01-15' });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ id: 'qianpu-h1', version: 2 });
    const view = await read(k.committee, planned.body.position);
    expect(stepOf(view, 'archives')).toMatchObject({
      done: false,
      owner: { id: 'staff-1', name: '小陈' },
      due: '2026-01-15',
      overdue: true,
    });
    expect(stepOf(view, 'selection')).toMatchObject({ owner: null, due: null, overdue: false });
    expect(view.overdueSteps).toBe(1);
    const list = await get(`/handovers?communityId=qianpu&minPosition=${planned.body.position}`, k.committee);
    expect(list.body.items[0].overdueSteps).toBe(1);
  });

  it('when a step is planned again, the new owner and due date replace the old', async () => {
    const again = await plan('archives', k.committee, { ownerId: 'mgr-1', due: '2099-01-01T18:00:00+08:00' });
    expect(again.status).toBe(200);
    const view = await read(k.committee, again.body.position);
    expect(stepOf(view, 'archives')).toMatchObject({
      owner: { id: 'mgr-1', name: '林经理' },
      due: '2099-01-01T10:00:00.000Z',
      overdue: false,
    });
    expect(view.overdueSteps).toBe(0);
  });

  it('when the owner is not in the directory or may not complete the step, it is refused naming ownerId', async () => {
    for (const [name, ownerId] of [
      ['exit_notice', 'ghost-1'],
      ['exit_notice', 'res-a'],
      ['archives', 'staff-9'],
      ['exit_notice', 'sec-9'],
    ]) {
      const refused = await plan(name, k.committee, { ownerId, due: '2099-01-01' });
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toMatch(/^ownerId: /);
    }
  });

  it('when due is not a date, it is refused naming due; an unknown step is a bad request', async () => {
    for (const due of ['2026-02-30', 'next week', '2026-08-01T10:00']) {
      const refused = await plan('exit_notice', k.committee, { ownerId: 'sec-1', due });
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain('due');
    }
    expect((await plan('no_such_step', k.committee, { ownerId: 'sec-1', due: '2099-01-01' })).status).toBe(400);
  });

  it('when a company, a resident or an official plans, it is forbidden; outside the community it does not exist', async () => {
    expect((await plan('archives', k.manager, { ownerId: 'staff-1', due: '2099-01-01' })).status).toBe(403);
    expect((await plan('exit_notice', official, { ownerId: 'sec-1', due: '2099-01-01' })).status).toBe(403);
    expect((await plan('exit_notice', k.otherSecretary, { ownerId: 'sec-1', due: '2099-01-01' })).status).toBe(404);
  });

  it('when a plan is sent with a stale If-Match, it is refused; with an Idempotency-Key it is answered once', async () => {
    const body = { ownerId: 'sec-1', due: '2099-01-01' };
    expect((await plan('exit_notice', k.committee, body, { 'if-match': '"1"' })).status).toBe(412);
    const first = await plan('exit_notice', k.committee, body, { 'idempotency-key': 'plan-exit-1' });
    const replay = await plan('exit_notice', k.committee, body, { 'idempotency-key': 'plan-exit-1' });
    expect(first.status).toBe(200);
    expect(replay.body).toEqual(first.body);
  });

  it('when the step is complete, planning it is a conflict', async () => {
    expect((await step('exit_notice', k.committee)).status).toBe(200);
    expect((await plan('exit_notice', k.committee, { ownerId: 'sec-1', due: '2099-01-01' })).status).toBe(409);
  });

  it('when the owner’s personal data is erased, the step shows [已删除]; no name was ever in the log or the read model', async () => {
    const planned = await plan('funds_settled', k.committee, { ownerId: 'mgr-2', due: '2099-01-01' });
    expect(stepOf(await read(k.committee, planned.body.position), 'funds_settled').owner).toEqual({ id: 'mgr-2', name: '赵经理' });
    expect((await http(t.url, 'DELETE', '/people/mgr-2/personal-data', { token: k.admin })).status).toBe(200);
    expect(stepOf(await read(k.committee, planned.body.position), 'funds_settled').owner).toEqual({ id: 'mgr-2', name: '[已删除]' });
    const stored = await sql(
      t,
      `SELECT data::text FROM es_events WHERE stream_id = 'handover-qianpu-h1' UNION ALL SELECT plans::text FROM rm_handovers`,
    );
    expect(stored.map((r) => r.data).join()).not.toMatch(/小陈|林经理|赵经理/);
  });
});

describe('the officials', () => {
  it('when a 社区 official of the community reads the handover, its list and timeline, they see them', async () => {
    expect((await get('/handovers/qianpu-h1', official)).status).toBe(200);
    expect((await get('/handovers/qianpu-h1/timeline', official)).body.chain).toBe('valid');
    expect((await get('/handovers?communityId=qianpu', official)).body.items.map((h: { id: string }) => h.id)).toEqual(['qianpu-h1']);
  });
  it('when they try to run it, it is forbidden', async () => {
    expect((await step('residents_informed', official)).status).toBe(403);
    expect((await post('/handovers/qianpu-h1/blockers', official, { text: '我来催一下' })).status).toBe(403);
    expect((await post('/handovers/qianpu-h1/complete', official)).status).toBe(403);
  });
  it('when an official of another community asks, the handover does not exist', async () => {
    expect((await get('/handovers/qianpu-h1', otherOfficial)).status).toBe(404);
    expect((await get('/handovers', otherOfficial)).body.items).toEqual([]);
  });
});

describe('completion with defects, and the first month', () => {
  const LONG = `地下车库B区照明不足，${'多处灯管损坏，'.repeat(30)}需全部更换`;
  let completedAt: number;

  it('when the handover completes, each defect becomes a ticket of the incoming company without a reporter, filed once despite a crash', async () => {
    expect((await step('residents_informed', k.secretary)).status).toBe(200);
    expect((await step('selection', k.committee, { incomingCompanyId: 'haiyue', method: 'owners_vote' })).status).toBe(200);
    for (const name of ['contract_signed', 'archives', 'funds_settled', 'keys_and_systems'])
      expect((await step(name, k.committee)).status).toBe(200);
    expect((await step('facilities_inspection', k.committee, { defects: ['2号楼消防栓损坏', LONG] })).status).toBe(200);
    const process = engine().find<HandoverProcess>('handover-process')!;
    let crashes = 0;
    process.afterDefect = (filed) => {
      if (filed === 1 && crashes === 0) {
        crashes += 1;
        throw new Error('simulated crash after the first defect');
      }
    };
    try {
      const done = await post('/handovers/qianpu-h1/complete', k.committee);
      expect(done.status).toBe(200);
      completedAt = done.body.position;
      expect(await engine().waitFor(completedAt, 30_000, ['handover-process'])).toBe(true);
    } finally {
      process.afterDefect = () => undefined;
    }
    expect(crashes).toBe(1);
    const ids = [defectTicketId('qianpu-h1', 1), defectTicketId('qianpu-h1', 2)];
    const filed = await sql(
      t,
      `SELECT stream_id, data, metadata FROM es_events WHERE type = 'TicketFiled' AND data->>'channel' = 'walk_in' ORDER BY stream_id`,
    );
    expect(filed.map((r) => r.stream_id).sort()).toEqual(ids.map((id) => `ticket-${id}`).sort());
    for (const { data, metadata } of filed) {
      expect(data).toMatchObject({ communityId: 'qianpu', companyId: 'haiyue', category: 'facilities', reporterId: NO_REPORTER });
      expect(data.description).toContain('qianpu-h1');
      expect(metadata.actor.id).toBe('system:handover');
    }
    const head = (await sql(t, `SELECT max(global_position)::int AS p FROM es_events`))[0].p;
    const first = await get(`/tickets/${ids[0]}?minPosition=${head}`, k.otherStaff);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ companyId: 'haiyue', title: '2号楼消防栓损坏', channel: 'walk_in', category: 'facilities' });
    const second = await get(`/tickets/${ids[1]}`, k.otherStaff);
    expect([...second.body.title]).toHaveLength(120);
    expect(second.body.description).toContain(LONG);
  });

  it('when the outgoing company looks for the defect tickets, they do not exist for it', async () => {
    expect((await get(`/tickets/${defectTicketId('qianpu-h1', 1)}`, k.staff)).status).toBe(404);
    expect((await get(`/tickets/${defectTicketId('qianpu-h1', 2)}`, k.manager)).status).toBe(404);
  });

  it('when the incoming company confirms service continuity after completion, it is accepted and progress reaches 100 %', async () => {
    const before = await read(k.committee, completedAt);
    expect(before).toMatchObject({ status: 'completed', percentDone: 89 });
    expect((await step('service_continuity', k.staff)).status).toBe(403);
    const confirmed = await step('service_continuity', k.otherManager);
    expect(confirmed.status).toBe(200);
    const after = await read(official, confirmed.body.position);
    expect(after).toMatchObject({ status: 'completed', percentDone: 100 });
    expect(stepOf(after, 'service_continuity')).toMatchObject({ done: true, by: { id: 'mgr-9' } });
    expect((await step('service_continuity', k.committee)).status).toBe(409);
  });
});
