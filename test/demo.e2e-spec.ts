import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { holdsTickets, loadDemo } from '../apps/api/src/demo/load-demo';
import { demoAccounts, demoPassword } from '../apps/api/src/infrastructure/demo-tokens';
import { ROLES } from '@jinlin/domain';
import { http, startTestApp, type TestApp } from './support/test-app';

const NOW = new Date();
const LOCAL_SECRET = 'the-local-secret-of-this-test-machine';
const STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed', 'withdrawn'];

let t: TestApp;
let store: EventStore;
let loaded: { tickets: number; events: number };
let head: number;
let admin: string;
const progress: [number, number][] = [];

beforeAll(async () => {
  // The whole demo is projected in one go: give read-your-writes time to catch up.
  t = await startTestApp('demo', { READ_YOUR_WRITES_TIMEOUT_MS: '30000' });
  store = t.app.get<EventStore>(EVENT_STORE);
  expect(await holdsTickets(store)).toBe(false);
  loaded = await loadDemo(t.app.get(CommandBus), store, {
    now: NOW,
    days: 4,
    onProgress: (done, total) => progress.push([done, total]),
    passwordOf: (username) => demoPassword(LOCAL_SECRET, username),
  });
  head = (await store.head()).position;
  admin = await t.token({ sub: 'admin-x', roles: ['admin'], communities: [] });
}, 120_000);
afterAll(() => t.close());

const get = (path: string, token = admin) => http(t.url, 'GET', path, { token });

/** Straight from the table: readAll stops below running transactions, and the projections hold some. */
async function countEvents(): Promise<number> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the demo loader', () => {
  it('when it has run, it reports what it wrote, and progress went up to the total', async () => {
    expect(loaded.tickets).toBeGreaterThanOrEqual(3 * 3 * 4);
    expect(loaded.events).toBe(await countEvents());
    expect(loaded.events).toBeGreaterThan(loaded.tickets * 3);
    expect(progress[progress.length - 1][0]).toBe(progress[0][1]);
    expect(await holdsTickets(store)).toBe(true);
  });

  it('when tickets are listed over HTTP at the head position, they are there, backdated, in several statuses', async () => {
    const list = await get(`/tickets?minPosition=${head}&limit=100`);
    expect(list.status).toBe(200);
    expect(list.headers.get('jinlin-stale')).toBeNull();
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const item of list.body.items) expect(Date.parse(item.filedAt)).toBeLessThanOrEqual(NOW.getTime());
    expect(new Set(list.body.items.map((i: { communityId: string }) => i.communityId)).size).toBe(3);
    const present: string[] = [];
    for (const status of STATUSES) {
      const page = await get(`/tickets?status=${status}&limit=1`);
      if (page.body.items.length) present.push(status);
    }
    expect(present).toContain('closed');
    expect(present.length).toBeGreaterThanOrEqual(3);
  });

  it('when a ticket of the demo is read, its timeline is a valid chain written by the demo users', async () => {
    const closed = (await get(`/tickets?status=closed&limit=1`)).body.items[0];
    expect(closed.rating === null || (closed.rating.score >= 1 && closed.rating.score <= 5)).toBe(true);
    const timeline = await get(`/tickets/${closed.id}/timeline`);
    expect(timeline.body.chain).toBe('valid');
    const actors = new Set(timeline.body.events.map((e: { actor: { id: string } }) => e.actor.id));
    expect(actors).toContain(closed.reporterId);
    expect([...actors].some((id) => /^(staff|manager)-/.test(String(id)))).toBe(true);
  });

  it('when the community is read, it answers its name and its managing company', async () => {
    const community = await get(`/communities/qianpu-yili-west?minPosition=${head}`);
    expect(community.status).toBe(200);
    expect(community.body).toMatchObject({ name: '前埔一里西小区', households: 1100, propertyCompanyId: 'jiayuan-pm' });
  });

  it('when resident-demo lists tickets with the printed token claims, they are hers, in 前埔一里西小区', async () => {
    const resident = await t.token({ sub: 'resident-demo', roles: ['resident'], communities: ['qianpu-yili-west'] });
    const mine = await get(`/tickets?limit=100`, resident);
    expect(mine.status).toBe(200);
    for (const item of mine.body.items) expect(item).toMatchObject({ reporterId: 'resident-demo', communityId: 'qianpu-yili-west' });
  });
});

describe('the demo people', () => {
  it('are in the directory with names, one or more of every role, the incoming company included', async () => {
    const people = (await get(`/people?minPosition=${head}&limit=200`)).body.items as {
      id: string;
      name: string;
      roles: string[];
      companyId: string | null;
    }[];
    for (const role of ROLES) expect(people.some((p) => p.roles.includes(role))).toBe(true);
    expect(people.find((p) => p.id === 'resident-demo')?.name).toBe('王阿姨');
    expect(people.some((p) => p.companyId === 'haiyue-pm' && p.roles.includes('manager'))).toBe(true);
    expect(people.every((p) => p.name && p.name.length > 0)).toBe(true);
  });

  it('sign in with the printed local-only passwords, one account per role', async () => {
    const accounts = demoAccounts(LOCAL_SECRET);
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(ROLES));
    for (const account of accounts) {
      const r = await http(t.url, 'POST', '/auth/sign-in', { body: { username: account.username, password: account.password } });
      expect([account.username, r.status]).toEqual([account.username, 200]);
      expect(r.body.person.name).toBe(account.name);
    }
    const wrong = await http(t.url, 'POST', '/auth/sign-in', {
      body: { username: 'wang.ayi', password: demoPassword('another-machine', 'wang.ayi') },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('the demo handover', () => {
  it('is under way at 华侨海景城 with 海悦 chosen, owners on its steps, one overdue, a blocker open; the incoming manager sees it', async () => {
    const list = await get(`/handovers?minPosition=${head}&communityId=huaqiao-haijingcheng`);
    expect(list.status).toBe(200);
    const [summary] = list.body.items;
    const handover = (await get(`/handovers/${summary.id}`)).body;
    expect(handover).toMatchObject({
      communityId: 'huaqiao-haijingcheng',
      outgoingCompanyId: 'jiayuan-pm',
      incomingCompanyId: 'haiyue-pm',
    });
    const archives = handover.steps.find((s: { step: string }) => s.step === 'archives');
    expect(archives).toMatchObject({ owner: { id: 'manager-demo', name: '林经理' }, overdue: true });
    expect(handover.steps.find((s: { step: string }) => s.step === 'service_continuity').owner.name).toBe('海悦 郭经理');
    expect(handover.blockers.filter((b: { resolvedAt: string | null }) => !b.resolvedAt)).toHaveLength(1);
    const incoming = demoAccounts(LOCAL_SECRET).find((a) => a.username === 'guo.jingli')!;
    const signIn = await http(t.url, 'POST', '/auth/sign-in', { body: { username: incoming.username, password: incoming.password } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const seen = await http(t.url, 'GET', `/handovers/${summary.id}`, { headers: { cookie } });
    expect(seen.status).toBe(200);
  });
});

describe('the demo places', () => {
  it('registers every estate’s buildings and units, and files tickets at registered places', async () => {
    const buildings = (await get(`/communities/qianpu-yili-west/buildings?minPosition=${head}`)).body.items;
    expect(buildings).toHaveLength(38);
    expect(buildings[0]).toMatchObject({ code: '1', name: '1号楼', units: ['1单元', '2单元', '3单元'] });
    const byBuilding = await get(`/dashboards/summary?minPosition=${head}&communityId=qianpu-yili-west&groupBy=building`);
    expect(byBuilding.status).toBe(200);
    const keyed = byBuilding.body.groups.filter((g: { key: string }) => g.key !== '');
    expect(keyed.length).toBeGreaterThan(3);
    const { key } = keyed[0];
    const page = await get(`/tickets?communityId=qianpu-yili-west&building=${key}&limit=100`);
    expect(page.body.items.length).toBeGreaterThan(0);
    for (const t of page.body.items) expect(t.location.building).toBe(key);
  });
});
