import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * SPEC §3 buildings, §4.5 places, §4.4's building filter and similar tickets, §6 groupBy=building,
 * over HTTP as a client would use them.
 */
let t: TestApp;
let k: Tokens;
let last = 0;

beforeAll(async () => {
  t = await startTestApp('places');
  k = await tokensFor(t);
  await seedWorld(t, k);
}, 60_000);
afterAll(() => t.close());

const put = (building: string, token: string, body: unknown, community = 'qianpu') =>
  http(t.url, 'PUT', `/communities/${community}/buildings/${building}`, { token, body });
const get = (path: string, token: string) => http(t.url, 'GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, { token });
const track = <R extends { status: number; body: { position?: number } }>(r: R): R => {
  if (typeof r.body?.position === 'number') last = Math.max(last, r.body.position);
  return r;
};
const file = async (token: string, body: Record<string, unknown>) => {
  const r = track(await http(t.url, 'POST', '/tickets', { token, body: ticketBody(body) }));
  if (r.status !== 201) throw new Error(`POST /tickets: ${r.status} ${r.text}`);
  return r.body.id as string;
};
const step = async (path: string, token: string, body: unknown = {}) => {
  const r = track(await http(t.url, 'POST', path, { token, body }));
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
};

describe('buildings (SPEC §3)', () => {
  it.each([
    ['an admin', 'admin', '3', '3号楼'],
    ["a manager of the community's company", 'manager', '5', '5号楼'],
    ['the committee of the community', 'committee', '12', '12号楼'],
  ] as const)('when %s puts a building, it answers 200 and the building is listed with its units', async (_, who, code, name) => {
    const r = track(await put(code, k[who], { name, units: ['1单元', '2单元'] }));
    expect(r.status).toBe(200);
    const list = await get('/communities/qianpu/buildings', k.residentA);
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ code, name, units: ['1单元', '2单元'] }));
  });

  it('when buildings are listed, they come in the order people count them', async () => {
    const list = await get('/communities/qianpu/buildings', k.staff);
    expect(list.body.items.map((b: { code: string }) => b.code)).toEqual(['3', '5', '12']);
  });

  it('when a building is put again, its name and units are replaced', async () => {
    track(await put('12', k.admin, { name: '十二号楼', units: ['1单元'] }));
    const list = await get('/communities/qianpu/buildings', k.committee);
    expect(list.body.items).toContainEqual(expect.objectContaining({ code: '12', name: '十二号楼', units: ['1单元'] }));
  });

  it.each([
    ['staff', 'staff'],
    ['a resident', 'residentA'],
    ['the secretary', 'secretary'],
  ] as const)('when %s of the community puts a building, it is forbidden (403)', async (_, who) => {
    expect((await put('9', k[who], { name: '9号楼' })).status).toBe(403);
  });

  it.each([
    ['the secretary of another community', 'otherSecretary'],
    ['a manager of another company', 'otherManager'],
  ] as const)('when %s puts a building, the community does not exist for them (404)', async (_, who) => {
    expect((await put('9', k[who], { name: '9号楼' })).status).toBe(404);
  });

  it('when someone outside the community lists its buildings, it answers 404', async () => {
    expect((await get('/communities/qianpu/buildings', k.residentX)).status).toBe(404);
    expect((await get('/communities/qianpu/buildings', k.otherStaff)).status).toBe(404);
  });

  it.each([
    ['a code outside a-z, 0-9 and -', '3号楼', { name: '3号楼' }, 'building'],
    ['a unit listed twice', '7', { name: '7号楼', units: ['1单元', '1单元'] }, 'units'],
    ['a unit over 20 characters', '7', { name: '7号楼', units: ['单'.repeat(21)] }, 'units'],
    ['over 200 units', '7', { name: '7号楼', units: Array.from({ length: 201 }, (_, i) => `${i}`) }, 'units'],
    ['a name over 50 characters', '7', { name: '楼'.repeat(51) }, 'name'],
    ['an unknown field', '7', { name: '7号楼', floors: 30 }, 'floors'],
  ])('when a building has %s, it answers 400 naming %s', async (_, code, body, field) => {
    const r = await put(encodeURIComponent(code), k.admin, body);
    expect(r.status).toBe(400);
    expect(r.text).toContain(field);
  });
});

describe('places on tickets (SPEC §4.5)', () => {
  it('when the building and unit are registered, GET /tickets/:id shows the whole place', async () => {
    const location = { building: '3', unit: '2单元', room: '1203', note: '电梯厅' };
    const id = await file(k.residentA, { location });
    const r = await get(`/tickets/${id}`, k.residentA);
    expect(r.body.location).toEqual(location);
  });

  it('when a plain string is sent, it is kept as the note', async () => {
    const id = await file(k.residentA, { location: '3号楼门口' });
    expect((await get(`/tickets/${id}`, k.staff)).body.location).toEqual({ note: '3号楼门口' });
  });

  it.each([
    ['an unregistered building', { building: '99' }, 'location.building'],
    ['a unit the building does not have', { building: '3', unit: '9单元' }, 'location.unit'],
    ['a unit without a building', { unit: '1单元' }, 'location.unit'],
    ['a building of another community', { building: '3' }, 'location.building', 'xingang'],
    ['a room over 10 characters', { building: '3', room: '12345678901' }, 'location.room'],
    ['an area over 100 characters', { area: '区'.repeat(101) }, 'location.area'],
    ['a part locations do not have', { floor: '3' }, 'location.floor'],
    ['a number instead of a place', 3, 'location'],
  ])(
    'when the location names %s, the filing answers 400 naming %s and appends nothing',
    async (_, location, field, community = 'qianpu') => {
      const who = community === 'qianpu' ? k.residentA : k.residentX;
      const before = await get(`/tickets?communityId=${community}&limit=100`, k.admin);
      const r = await http(t.url, 'POST', '/tickets', { token: who, body: ticketBody({ communityId: community, location }) });
      expect(r.status).toBe(400);
      expect(r.text).toContain(field);
      expect((await get(`/tickets?communityId=${community}&limit=100`, k.admin)).body.items.length).toBe(before.body.items.length);
    },
  );

  it('when several parts are wrong at once, the answer names each of them', async () => {
    const r = await http(t.url, 'POST', '/tickets', {
      token: k.residentA,
      body: ticketBody({ location: { room: '12345678901', area: '区'.repeat(101), floor: '3' } }),
    });
    expect(r.status).toBe(400);
    for (const field of ['location.room', 'location.area', 'location.floor']) expect(r.text).toContain(field);
  });

  it('when a building is registered just now, a filing naming it is accepted at once', async () => {
    track(await put('20', k.admin, { name: '20号楼', units: ['1单元'] }));
    await expect(file(k.residentB, { location: { building: '20', unit: '1单元' } })).resolves.toMatch(/-/);
  });
});

describe('building= on the list, groupBy=building on the dashboard', () => {
  let in5: string[];
  beforeAll(async () => {
    in5 = [
      await file(k.residentA, { title: '5号楼楼道灯坏了', category: 'facilities', location: { building: '5', unit: '1单元' } }),
      await file(k.residentB, { title: '5号楼门禁坏了', category: 'security', location: { building: '5' } }),
    ];
  });

  it('when the list is filtered by building, only that building of that community comes back', async () => {
    const r = await get('/tickets?communityId=qianpu&building=5', k.staff);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...in5].sort());
    expect((await get('/tickets?communityId=xingang&building=5', k.admin)).body.items).toEqual([]);
  });

  it('when building= comes without communityId, it answers 400 naming building', async () => {
    const r = await get('/tickets?building=5', k.staff);
    expect(r.status).toBe(400);
    expect(r.text).toContain('building');
  });

  it('when the dashboard groups by building, each building has its figures and tickets without one group under ""', async () => {
    const r = await get('/dashboards/summary?communityId=qianpu&groupBy=building', k.committee);
    expect(r.status).toBe(200);
    const groups = Object.fromEntries(r.body.groups.map((g: { key: string; filed: number }) => [g.key, g.filed]));
    const listed = async (building: string) =>
      (await get(`/tickets?communityId=qianpu&building=${building}&limit=100`, k.admin)).body.items.length;
    expect(groups['5']).toBe(2);
    expect(groups['3']).toBe(await listed('3'));
    expect(groups['20']).toBe(1);
    expect(Object.values(groups).reduce((a, b) => (a as number) + (b as number), 0)).toBe(r.body.total.filed);
    expect(groups['']).toBeGreaterThan(0);
  });

  it('when groupBy=building comes without communityId, it answers 400', async () => {
    const r = await get('/dashboards/summary?groupBy=building', k.admin);
    expect(r.status).toBe(400);
    expect(r.text).toContain('communityId');
  });
});

describe('similar tickets (SPEC §4.4)', () => {
  const lift = (more: Record<string, unknown> = {}) => ({ category: 'elevator', location: { building: '12', unit: '1单元' }, ...more });
  let primary: string;
  let twin: string;
  let related: string;
  let excluded: Record<string, string>;

  beforeAll(async () => {
    primary = await file(k.residentA, lift({ title: '12号楼1单元电梯停运' }));
    twin = await file(k.residentB, lift({ title: '12号楼1单元电梯停运了' }));
    related = await file(k.residentB, lift({ title: '12号楼电梯按钮失灵' }));
    const done = await file(k.residentB, lift({ title: '12号楼1单元电梯停运' }));
    await step(`/tickets/${done}/actions`, k.staff, { description: '更换控制板' });
    await step(`/tickets/${done}/resolve`, k.staff, { resolution: '已恢复' });
    excluded = {
      done,
      otherCategory: await file(k.residentB, lift({ title: '12号楼1单元电梯停运', category: 'water_power' })),
      otherBuilding: await file(k.residentB, lift({ title: '12号楼1单元电梯停运', location: { building: '3' } })),
      otherCommunity: await file(k.residentX, {
        communityId: 'xingang',
        category: 'elevator',
        title: '12号楼1单元电梯停运',
        location: null,
      }),
      withdrawn: await file(k.residentB, lift({ title: '12号楼1单元电梯停运' })),
    };
    await step(`/tickets/${excluded.withdrawn}/withdraw`, k.residentB);
  });

  it('when staff ask for the candidates, the near-duplicate title comes first and the others are left out', async () => {
    const r = await get(`/tickets/${primary}/similar`, k.staff);
    expect(r.status).toBe(200);
    const ids = r.body.items.map((i: { id: string }) => i.id);
    expect(ids[0]).toBe(twin);
    expect(ids).toContain(related);
    expect(ids).not.toContain(primary);
    for (const id of Object.values(excluded)) expect(ids).not.toContain(id);
    expect(r.body.items[0]).toEqual({
      id: twin,
      title: '12号楼1单元电梯停运了',
      status: 'open',
      filedAt: expect.any(String),
      location: { building: '12', unit: '1单元' },
      similarity: expect.any(Number),
    });
    expect(r.body.items[0].similarity).toBeGreaterThan(r.body.items[1].similarity);
  });

  it('when a resident asks, only tickets they may see come back', async () => {
    const r = await get(`/tickets/${primary}/similar`, k.residentA);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(twin);
  });

  it("when the ticket is outside the caller's scope, it answers 404", async () => {
    expect((await get(`/tickets/${primary}/similar`, k.residentX)).status).toBe(404);
    expect((await get(`/tickets/${primary}/similar`, k.otherStaff)).status).toBe(404);
    expect((await get(`/tickets/00000000-0000-4000-8000-000000000000/similar`, k.admin)).status).toBe(404);
  });
});
