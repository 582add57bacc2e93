import { communityStream } from '@jinlin/domain';
import { PostgresEventStore } from '@jinlin/event-store';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * Ticket commands decide on a copy of the community this process keeps. Another process that
 * changes the community (here: a second store writing straight to the log) must still be
 * honoured by the very next command: the stale copy fails the append's guard and is re-read.
 */
let t: TestApp;
let k: Tokens;
let other: PostgresEventStore;
beforeAll(async () => {
  t = await startTestApp('community_guard');
  k = await tokensFor(t);
  await seedWorld(t, k);
  other = new PostgresEventStore({ connectionString: t.db.url });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const post = (path: string, token: string, body?: unknown) => http(t.url, 'POST', path, { token, body });
const get = (path: string, token: string) => http(t.url, 'GET', path, { token });

async function elsewhere(type: string, data: Record<string, unknown>, communityId = 'qianpu'): Promise<void> {
  const stream = communityStream(communityId);
  const version = (await other.readStream(stream)).length;
  await other.appendToStream(stream, [{ type, data, metadata: { actor: { id: 'admin-1', roles: ['admin'] } } }], { expected: version });
}

it('when another process appoints a new company, the next commands see it: old staff get 404, new staff act, new tickets belong to it', async () => {
  const first = await post('/tickets', k.residentA, ticketBody());
  expect(first.status).toBe(201);
  expect((await post(`/tickets/${first.body.id}/acknowledge`, k.staff, { message: '收到' })).status).toBe(200);

  await elsewhere('PropertyCompanyAppointed', {
    communityId: 'qianpu',
    companyId: 'haiyue',
    previousCompanyId: 'jiayuan',
    handoverId: 'h-test',
    appointedAt: new Date().toISOString(),
  });

  const outgoing = await post(`/tickets/${first.body.id}/comments`, k.staff, { text: '还在处理', internal: false });
  expect(outgoing.status).toBe(404);
  const incoming = await post(`/tickets/${first.body.id}/comments`, k.otherStaff, { text: '海悦物业接手', internal: false });
  expect(incoming.status).toBe(200);

  const second = await post('/tickets', k.residentA, ticketBody());
  expect(second.status).toBe(201);
  const detail = await get(`/tickets/${second.body.id}?minPosition=${second.body.position}`, k.admin);
  expect(detail.body.companyId).toBe('haiyue');
});

it('when another process sets an SLA policy, the next ticket gets its deadlines', async () => {
  const warm = await post('/tickets', k.residentA, ticketBody({ category: 'water_power' }));
  expect(warm.status).toBe(201);
  await elsewhere('SlaPolicySet', {
    communityId: 'qianpu',
    category: 'water_power',
    policy: { acknowledgeWithinMinutes: 7, resolveWithinMinutes: 70 },
    setAt: new Date().toISOString(),
    by: { id: 'admin-1', roles: ['admin'] },
  });
  const filed = await post('/tickets', k.residentA, ticketBody({ category: 'water_power' }));
  expect(filed.status).toBe(201);
  const detail = await get(`/tickets/${filed.body.id}?minPosition=${filed.body.position}`, k.admin);
  expect(Date.parse(detail.body.deadlines.acknowledgeBy) - Date.parse(detail.body.filedAt)).toBe(7 * 60_000);
});

it('when another process appoints a new company, its staff may act at once, before anyone else touched the community', async () => {
  const filed = await post('/tickets', k.residentX, ticketBody({ communityId: 'xingang' }));
  expect(filed.status).toBe(201);
  expect((await post(`/tickets/${filed.body.id}/acknowledge`, k.otherStaff, { message: '收到' })).status).toBe(200);
  await elsewhere(
    'PropertyCompanyAppointed',
    { communityId: 'xingang', companyId: 'jiayuan', previousCompanyId: 'haiyue', handoverId: 'h-x', appointedAt: new Date().toISOString() },
    'xingang',
  );
  // The copy this process holds still names haiyue: a refusal on it must be looked at again.
  expect((await post(`/tickets/${filed.body.id}/comments`, k.staff, { text: '嘉园物业接手', internal: false })).status).toBe(200);
});

it('when a community is registered after someone tried to file there, filing works at once', async () => {
  const early = await post('/tickets', k.residentA, ticketBody({ communityId: 'huaqiao' }));
  expect(early.status).toBe(404);
  await elsewhere(
    'CommunityRegistered',
    {
      communityId: 'huaqiao',
      name: '华侨海景城',
      subdistrict: '莲前街道',
      neighbourhood: '华侨社区',
      households: null,
      propertyCompanyId: 'jiayuan',
      registeredAt: new Date().toISOString(),
      by: { id: 'admin-1', roles: ['admin'] },
    },
    'huaqiao',
  );
  const resident = await t.token({ sub: 'res-h', roles: ['resident'], communities: ['huaqiao'] });
  expect((await post('/tickets', resident, ticketBody({ communityId: 'huaqiao' }))).status).toBe(201);
});
