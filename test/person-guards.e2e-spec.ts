import { handoverStream, personStream, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, guardsOf, type AppendOptions, type EventStore } from '@jinlin/event-store';
import { http, startTestApp, type TestApp } from './support/test-app';
import { personBody, seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * A person named in a command (an assignee, the reporter of a ticket filed on their behalf, a
 * handover step's owner) is judged as their stream is, and their stream guards the append: a
 * change to that person that lands between the decision and the append fails the append, and the
 * command is decided again on the person as they are then. Each test interleaves the change
 * deterministically: the service's own store runs it just before the command's first append.
 */
let t: TestApp;
let k: Tokens;
let store: EventStore;

beforeAll(async () => {
  t = await startTestApp('person_guards');
  k = await tokensFor(t);
  await seedWorld(t, k);
  store = t.app.get<EventStore>(EVENT_STORE);
}, 60_000);
afterAll(() => t?.close());

const post = (path: string, token: string, body: unknown = {}) => http(t.url, 'POST', path, { token, body });

async function register(claims: { sub: string; roles: string[]; communities?: string[]; companyId?: string }) {
  const r = await post('/people', k.admin, personBody(claims));
  if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
}

/** The person's stream changed by the admin, over HTTP, as it would be from another request. */
const erase = async (id: string) =>
  expect((await http(t.url, 'DELETE', `/people/${id}/personal-data`, { token: k.admin })).status).toBe(200);
const changeRoles = async (id: string, roles: string[]) =>
  expect((await http(t.url, 'PATCH', `/people/${id}`, { token: k.admin, body: { roles } })).status).toBe(200);

/**
 * Runs `change` once, just before the first append of an event of `type` to a stream `matches`
 * picks, and records every such append's options: the decision was made, the change lands, then
 * the append is tried.
 */
function interleave(matches: (streamId: string) => boolean, type: string, change: () => Promise<unknown>) {
  const original = store.appendToStream.bind(store);
  const appends: AppendOptions[] = [];
  store.appendToStream = (async (streamId, events, options) => {
    if (matches(streamId) && events.some((e) => e.type === type)) {
      appends.push(options);
      if (appends.length === 1) await change();
    }
    return original(streamId, events, options);
  }) as EventStore['appendToStream'];
  return { appends, restore: () => (store.appendToStream = original) };
}

const guardedBy = (options: AppendOptions, streamId: string) => guardsOf(options.guard).some((g) => g.streamId === streamId);

async function timeline(ticketId: string): Promise<string[]> {
  const r = await http(t.url, 'GET', `/tickets/${ticketId}/timeline`, { token: k.admin });
  return r.body.events.map((e: { type: string }) => e.type);
}

async function fileTicket(): Promise<string> {
  const r = await post('/tickets', k.residentA, ticketBody({ title: '楼道灯不亮' }));
  expect(r.status).toBe(201);
  return r.body.id;
}

describe('assigning', () => {
  it('when the assignee is erased between the decision and the append, the assignment is not stored and is refused as the person is now', async () => {
    await register({ sub: 'staff-erased', roles: ['staff'], communities: [], companyId: 'jiayuan' });
    const ticketId = await fileTicket();
    const hook = interleave(
      (s) => s === ticketStream(ticketId),
      'TicketAssigned',
      () => erase('staff-erased'),
    );
    try {
      const r = await post(`/tickets/${ticketId}/assign`, k.manager, { assigneeId: 'staff-erased' });
      expect([r.status, r.body.code]).toEqual([400, 'NOT_A_CANDIDATE']);
    } finally {
      hook.restore();
    }
    expect(hook.appends).toHaveLength(1); // decided again on the erased person: refused, nothing more to append
    expect(guardedBy(hook.appends[0], personStream('staff-erased'))).toBe(true);
    expect(await timeline(ticketId)).not.toContain('TicketAssigned');
  });

  it('when the assignee’s roles change in between but they may still be assigned, the assignment is decided again and stored once', async () => {
    await register({ sub: 'staff-promoted', roles: ['staff'], communities: [], companyId: 'jiayuan' });
    const ticketId = await fileTicket();
    const hook = interleave(
      (s) => s === ticketStream(ticketId),
      'TicketAssigned',
      () => changeRoles('staff-promoted', ['staff', 'manager']),
    );
    try {
      const r = await post(`/tickets/${ticketId}/assign`, k.manager, { assigneeId: 'staff-promoted' });
      expect(r.status).toBe(200);
    } finally {
      hook.restore();
    }
    // The first append carried the person's version from before the change and failed; the second the one after.
    expect(hook.appends.map((o) => guardsOf(o.guard).find((g) => g.streamId === personStream('staff-promoted'))?.version)).toEqual([1, 2]);
    expect((await timeline(ticketId)).filter((type) => type === 'TicketAssigned')).toHaveLength(1);
  });
});

describe('filing on someone’s behalf', () => {
  it('when the named reporter is erased between the decision and the append, no ticket is filed', async () => {
    await register({ sub: 'res-erased', roles: ['resident'], communities: ['qianpu'] });
    const hook = interleave(
      (s) => s.startsWith('ticket-'),
      'TicketFiled',
      () => erase('res-erased'),
    );
    let r;
    try {
      r = await post('/tickets', k.staff, ticketBody({ title: '代报：水管漏水', reporterId: 'res-erased', channel: 'phone' }));
    } finally {
      hook.restore();
    }
    expect([r.status, r.body.code]).toEqual([400, 'NOT_A_CANDIDATE']);
    expect(hook.appends).toHaveLength(1);
    expect(guardedBy(hook.appends[0], personStream('res-erased'))).toBe(true);
    const listed = await http(t.url, 'GET', `/tickets?communityId=qianpu&limit=100`, { token: k.admin });
    expect(listed.body.items.map((i: { title: string }) => i.title)).not.toContain('代报：水管漏水');
  });
});

describe('planning a handover step', () => {
  it('when the step’s owner is erased between the decision and the append, the plan is not stored', async () => {
    await register({ sub: 'mgr-erased', roles: ['manager'], communities: [], companyId: 'jiayuan' });
    const started = await post('/handovers', k.committee, { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '原物业退出' });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const hook = interleave(
      (s) => s === handoverStream(id),
      'HandoverStepPlanned',
      () => erase('mgr-erased'),
    );
    let r;
    try {
      r = await post(`/handovers/${id}/steps/archives/plan`, k.committee, { ownerId: 'mgr-erased', due: '2099-01-15' });
    } finally {
      hook.restore();
    }
    expect([r.status, r.body.code]).toEqual([400, 'NOT_A_CANDIDATE']);
    expect(hook.appends).toHaveLength(1);
    expect(guardedBy(hook.appends[0], personStream('mgr-erased'))).toBe(true);
    const events = (await store.readStream(handoverStream(id))).map((e) => e.type);
    expect(events).not.toContain('HandoverStepPlanned');
  });
});
