import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { parseXml, schemaErrors } from './support/open311';
import { pngOf, upload } from './support/photos';
import { personBody, seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/** SPEC §7, the Open311 GeoReport v2 façade, over HTTP in both formats, as clients send it. */
let t: TestApp;
let k: Tokens;
let last = 0;

const RESIDENT_C = { sub: 'res-c', name: '陈阿婆', roles: ['resident'], communities: ['qianpu'] };
let residentC: string;

beforeAll(async () => {
  t = await startTestApp('open311');
  k = await tokensFor(t);
  await seedWorld(t, k);
  expect((await http(t.url, 'POST', '/people', { token: k.admin, body: personBody(RESIDENT_C) })).status).toBe(201);
  residentC = await t.token(RESIDENT_C);
  const put = await http(t.url, 'PUT', '/communities/qianpu/buildings/3', {
    token: k.admin,
    body: { name: '3号楼', units: ['1单元', '2单元'] },
  });
  expect(put.status).toBe(200);
  track(put.headers);
  const twelve = await http(t.url, 'PUT', '/communities/qianpu/buildings/12', { token: k.admin, body: { name: '十二号楼' } });
  expect(twelve.status).toBe(200);
  track(twelve.headers);
  // The public reads take no position: wait here until the communities and buildings are projected.
  expect((await get('/communities/qianpu/buildings', k.admin)).body.items).toHaveLength(2);
}, 60_000);
afterAll(() => t.close());

const track = (headers: Headers) => {
  const p = Number(headers.get('jinlin-position'));
  if (p > last) last = p;
};

/** A form-encoded POST as Open311 clients send it: charset on the type, brackets escaped by the encoder. */
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const r = await http(t.url, 'POST', path, {
    raw: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  });
  track(r.headers);
  return r;
};
const get = (path: string, token?: string) =>
  http(t.url, 'GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, token ? { token } : {});

const elevatorForm = (token: string, extra: Record<string, string> = {}) => ({
  api_key: token,
  service_code: 'elevator',
  description: '3号楼电梯停运\n早上八点开始不动了',
  'attribute[building]': '3',
  'attribute[unit]': '2单元',
  'attribute[room]': '1203',
  ...extra,
});

describe('discovery (SPEC §7)', () => {
  it('when discovery.json is read without a token, it lists the GeoReport v2 endpoint with an absolute url, type production', async () => {
    const r = await http(t.url, 'GET', '/open311/discovery.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${t.url}/open311/v2`,
        type: 'production',
        formats: expect.arrayContaining(['application/json', 'text/xml']),
      }),
    ]);
    expect(typeof r.body.changeset).toBe('string');
  });

  it('when discovery.xml is read, the same document comes as XML', async () => {
    const r = await http(t.url, 'GET', '/open311/discovery.xml');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/xml/);
    const endpoint = parseXml(r.text).discovery.endpoints.endpoint[0];
    expect(endpoint).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${t.url}/open311/v2`,
      type: 'production',
    });
    expect(endpoint.formats.format).toEqual(['application/json', 'text/xml']);
  });
});

describe('services (SPEC §7)', () => {
  it('when services.json is read without a token, every category is a realtime service named in Chinese, and the schema passes', async () => {
    const r = await http(t.url, 'GET', '/open311/v2/services.json?jurisdiction_id=qianpu');
    expect(r.status).toBe(200);
    expect(schemaErrors('services.json', r.body)).toEqual([]);
    expect(r.body).toHaveLength(11);
    expect(r.body).toContainEqual(
      expect.objectContaining({ service_code: 'elevator', service_name: '电梯', metadata: true, type: 'realtime', group: '设施设备' }),
    );
    expect(r.body.find((s: { service_code: string }) => s.service_code === 'fees').keywords).toContain('物业费与公共收益');
  });

  it('when services.xml is read, each service is a <service> with the same fields', async () => {
    const r = await http(t.url, 'GET', '/open311/v2/services.xml');
    expect(r.status).toBe(200);
    const services = parseXml(r.text).services.service;
    expect(services).toHaveLength(11);
    expect(services).toContainEqual(
      expect.objectContaining({ service_code: 'water_power', service_name: '水电', metadata: 'true', type: 'realtime' }),
    );
  });

  it.each(['json', 'xml'])('when the jurisdiction is unknown, services.%s answers 404 as Open311 errors', async (format) => {
    const r = await http(t.url, 'GET', `/open311/v2/services.${format}?jurisdiction_id=nowhere`);
    expect(r.status).toBe(404);
    const errors = format === 'json' ? r.body : parseXml(r.text).errors.error;
    expect(errors).toEqual([{ code: format === 'json' ? 404 : '404', description: 'community nowhere is not registered' }]);
  });

  it("when a service definition is read for a jurisdiction, building is a singlevaluelist of the community's buildings, and the schema passes", async () => {
    const r = await get('/open311/v2/services/elevator.json?jurisdiction_id=qianpu');
    expect(r.status).toBe(200);
    expect(schemaErrors('service-definition.json', r.body)).toEqual([]);
    const building = r.body.attributes.find((a: { code: string }) => a.code === 'building');
    expect(building).toMatchObject({ datatype: 'singlevaluelist', variable: true, required: false });
    expect(building.values).toEqual([
      { key: '3', name: '3号楼' },
      { key: '12', name: '十二号楼' },
    ]);
    expect(r.body.attributes.map((a: { code: string }) => a.code)).toEqual(['building', 'unit', 'room']);
  });

  it('when a service definition is read as XML, its attributes and values are elements', async () => {
    const r = await get('/open311/v2/services/elevator.xml?jurisdiction_id=qianpu');
    expect(r.status).toBe(200);
    const definition = parseXml(r.text).service_definition;
    expect(definition.service_code).toBe('elevator');
    expect(definition.attributes.attribute[0].values.value).toEqual([
      { key: '3', name: '3号楼' },
      { key: '12', name: '十二号楼' },
    ]);
  });

  it('when the service code is unknown, the definition answers 404 naming the codes', async () => {
    const r = await http(t.url, 'GET', '/open311/v2/services/lift.json');
    expect(r.status).toBe(404);
    expect(r.body[0].description).toMatch(/no service lift: the service codes are sanitation, elevator/);
  });
});

describe('filing a service request (SPEC §7)', () => {
  it('when a resident posts a form with api_key in the body and jurisdiction_id in the query, a ticket is filed as POST /tickets would file it', async () => {
    const r = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(k.residentA, { shoe_size: '42' }));
    expect(r.status).toBe(201);
    expect(r.body).toEqual([{ service_request_id: expect.any(String), service_notice: expect.any(String), account_id: 'res-a' }]);
    const ticket = await get(`/tickets/${r.body[0].service_request_id}`, k.staff);
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({
      communityId: 'qianpu',
      category: 'elevator',
      title: '电梯：3号楼电梯停运',
      description: '3号楼电梯停运\n早上八点开始不动了',
      location: { building: '3', unit: '2单元', room: '1203' },
      reporterId: 'res-a',
      channel: 'app',
    });
  });

  it('when the form comes with brackets escaped (attribute%5Bunit%5D) and not, and address_id, the place is read', async () => {
    const raw = `api_key=${k.residentA}&service_code=water_power&description=${encodeURIComponent('停水了')}&attribute%5Bunit%5D=1${encodeURIComponent('单元')}&attribute[room]=302&address_id=3`;
    const r = await http(t.url, 'POST', '/open311/v2/requests.xml?jurisdiction_id=qianpu', {
      raw,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    });
    track(r.headers);
    expect(r.status).toBe(201);
    const request = parseXml(r.text).service_requests.request;
    expect(request).toHaveLength(1);
    const ticket = await get(`/tickets/${request[0].service_request_id}`, k.staff);
    expect(ticket.body.location).toEqual({ building: '3', unit: '1单元', room: '302' });
  });

  it('when a JSON body comes with the token in Authorization and lat/long, it is filed too, the coordinates kept', async () => {
    const r = await http(t.url, 'POST', '/open311/v2/requests.json', {
      token: k.residentA,
      body: { jurisdiction_id: 'qianpu', service_code: 'greenery', description: '草坪积水', lat: '24.4873', long: '118.1745' },
    });
    track(r.headers);
    expect(r.status).toBe(201);
    const [request] = (await get(`/open311/v2/requests/${r.body[0].service_request_id}.json`, k.residentA)).body;
    expect(request).toMatchObject({ lat: 24.4873, long: 118.1745, service_code: 'greenery', address: '24.4873,118.1745' });
  });

  it('when no token comes, the POST answers 401 as Open311 errors', async () => {
    const { api_key: _, ...fields } = elevatorForm(k.residentA);
    const r = await postForm('/open311/v2/requests.xml?jurisdiction_id=qianpu', fields);
    expect(r.status).toBe(401);
    expect(parseXml(r.text).errors.error[0].code).toBe('401');
  });

  it.each([
    ['an unknown service code', { service_code: 'lift' }, 'category must be one of the following values'],
    ['no description', { description: '' }, 'description'],
    ['a building that is not registered', { 'attribute[building]': '99' }, '99'],
    ['no location at all', { 'attribute[building]': '', 'attribute[unit]': '', 'attribute[room]': '' }, 'a location is required'],
    ['lat without long', { lat: '24.48' }, 'lat and long come together'],
  ] as [string, Record<string, string>, string][])(
    'when the request has %s, it answers as POST /tickets would, naming the problem',
    async (_, change, named) => {
      const r = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', { ...elevatorForm(k.residentA), ...change });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.map((e: { description: string }) => e.description).join('\n')).toContain(named);
      if (!('lat' in change) && !('attribute[unit]' in change)) {
        const same = await http(t.url, 'POST', '/tickets', {
          token: k.residentA,
          body: ticketBody({
            category: change.service_code ?? 'elevator',
            description: change.description ?? 'x',
            location: { building: change['attribute[building]'] ?? '3', unit: '2单元', room: '1203' },
          }),
        });
        expect(r.status).toBe(same.status);
      }
    },
  );

  it('when a resident files in a community not their own, it is refused as POST /tickets refuses it', async () => {
    const r = await postForm(
      '/open311/v2/requests.json?jurisdiction_id=xingang',
      elevatorForm(k.residentA, { 'attribute[building]': '', address_string: '新港广场' }),
    );
    const same = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody({ communityId: 'xingang' }) });
    expect(r.status).toBe(same.status);
    expect(r.status).toBeGreaterThanOrEqual(400);
  });

  it('when the same Idempotency-Key is sent twice, one ticket is filed and both answers name it', async () => {
    const headers = { 'idempotency-key': 'o311-twice' };
    const first = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(k.residentB), headers);
    const second = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(k.residentB), headers);
    expect(first.status).toBe(201);
    expect(second.body[0].service_request_id).toBe(first.body[0].service_request_id);
  });

  it.each([
    ['a text/plain body', 'text/plain', 'x', 415],
    ['malformed JSON', 'application/json', '{"service_code":', 400],
    ['a body over 64 KiB', 'application/x-www-form-urlencoded', `description=${'x'.repeat(70_000)}`, 413],
  ])('when %s is posted, the refusal before any controller is still Open311 errors with its status', async (_, type, raw, status) => {
    const r = await http(t.url, 'POST', '/open311/v2/requests.xml?jurisdiction_id=qianpu', { raw, headers: { 'content-type': type } });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(parseXml(r.text).errors.error[0]).toEqual({ code: String(status), description: expect.any(String) });
  });

  it('when form-encoded bodies are sent to the JSON API, they are refused (415): only /open311 takes them', async () => {
    const r = await http(t.url, 'POST', '/tickets', {
      token: k.residentA,
      raw: 'communityId=qianpu',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(415);
  });
});

describe('media_url (SPEC §7)', () => {
  let foreign: Server;
  let fetched = 0;
  beforeAll(async () => {
    foreign = createServer((_, res) => {
      fetched += 1;
      res.end('no');
    });
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => foreign.close(() => done())));

  it("when media_url is one of the filer's uploads on this service, it becomes the ticket's photo and the request's media_url", async () => {
    const photo = await upload(t, k.residentA, await pngOf());
    expect(photo.status).toBe(201);
    const url = `${t.url}/attachments/${photo.body.id}`;
    const r = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(k.residentA, { media_url: url }));
    expect(r.status).toBe(201);
    const id = r.body[0].service_request_id;
    expect((await get(`/tickets/${id}`, k.staff)).body.attachments).toEqual([expect.objectContaining({ id: photo.body.id })]);
    expect((await get(`/open311/v2/requests/${id}.json`, k.staff)).body[0].media_url).toBe(url);
  });

  it('when media_url is elsewhere, it is recorded and answered back, and never fetched', async () => {
    const url = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/photo.jpg`;
    const r = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(k.residentA, { media_url: url }));
    expect(r.status).toBe(201);
    const id = r.body[0].service_request_id;
    expect((await get(`/open311/v2/requests/${id}.json`, k.residentA)).body[0].media_url).toBe(url);
    expect((await get(`/tickets/${id}`, k.staff)).body.attachments).toEqual([]);
    expect(fetched).toBe(0);
  });

  it("when media_url names someone else's upload, the filing is refused as attachmentIds would be", async () => {
    const photo = await upload(t, k.residentB, await pngOf());
    const r = await postForm(
      '/open311/v2/requests.json?jurisdiction_id=qianpu',
      elevatorForm(k.residentA, { media_url: `${t.url}/attachments/${photo.body.id}` }),
    );
    expect(r.status).toBe(400);
  });
});

describe('reading service requests (SPEC §7)', () => {
  let mine: string;
  let other: string;
  beforeAll(async () => {
    mine = (
      await postForm(
        '/open311/v2/requests.json?jurisdiction_id=qianpu',
        elevatorForm(k.residentA, { service_code: 'noise', description: '楼上装修噪音' }),
      )
    ).body[0].service_request_id;
    other = (
      await postForm(
        '/open311/v2/requests.json?jurisdiction_id=qianpu',
        elevatorForm(k.residentB, { service_code: 'parking', description: '车位被占' }),
      )
    ).body[0].service_request_id;
  });

  it('when the list is read with api_key in the query string, every answer passes the schema and updated_datetime is never null', async () => {
    const r = await http(t.url, 'GET', `/open311/v2/requests.json?jurisdiction_id=qianpu&api_key=${k.staff}&minPosition=${last}`);
    expect(r.status).toBe(200);
    expect(schemaErrors('requests.json', r.body)).toEqual([]);
    expect(r.body.length).toBeGreaterThanOrEqual(2);
    for (const request of r.body) expect(request.updated_datetime).toEqual(expect.any(String));
    expect(r.body.map((s: { service_request_id: string }) => s.service_request_id)).toEqual(expect.arrayContaining([mine, other]));
  });

  it('when a request is read alone, it is an array of one with the company responsible and the resolve deadline', async () => {
    const r = await get(`/open311/v2/requests/${mine}.json`, k.staff);
    expect(r.status).toBe(200);
    expect(schemaErrors('requests.json', r.body)).toEqual([]);
    const ticket = (await get(`/tickets/${mine}`, k.staff)).body;
    expect(r.body).toEqual([
      expect.objectContaining({
        service_request_id: mine,
        status: 'open',
        status_notes: '待受理 (open)',
        service_code: 'noise',
        service_name: '噪音',
        agency_responsible: '嘉园物业',
        requested_datetime: ticket.filedAt,
        updated_datetime: ticket.filedAt,
        expected_datetime: ticket.deadlines.resolveBy,
        address_id: '3',
        address: '3号楼 2单元 1203',
      }),
    ]);
  });

  it('when a request is read as XML, it is one <request> in <service_requests>', async () => {
    const r = await get(`/open311/v2/requests/${mine}.xml`, k.staff);
    expect(r.status).toBe(200);
    const [request] = parseXml(r.text).service_requests.request;
    expect(request).toMatchObject({
      service_request_id: mine,
      status: 'open',
      service_name: '噪音',
      agency_responsible: '嘉园物业',
      lat: '',
    });
  });

  it('when service_request_id is an escaped comma list, exactly those come back', async () => {
    const r = await get(`/open311/v2/requests.json?service_request_id=${mine}%2C${other}&status=closed`, k.staff);
    expect(r.body.map((s: { service_request_id: string }) => s.service_request_id).sort()).toEqual([mine, other].sort());
  });

  it('when filtered by service_code, status and dates, only the matching ones come, and unknown parameters are ignored', async () => {
    const noise = await get('/open311/v2/requests.json?service_code=noise&status=open&colour=red', k.staff);
    expect(noise.status).toBe(200);
    expect(noise.body.map((s: { service_request_id: string }) => s.service_request_id)).toEqual([mine]);
    expect((await get('/open311/v2/requests.json?service_code=noise&status=closed', k.staff)).body).toEqual([]);
    expect((await get('/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z', k.staff)).body).toEqual([]);
    const today = await get(
      `/open311/v2/requests.json?service_code=noise&start_date=${new Date(Date.now() - 3600_000).toISOString()}`,
      k.staff,
    );
    expect(today.body).toHaveLength(1);
  });

  it.each([
    ['status=pending', 'status must be open or closed'],
    ['start_date=yesterday', 'start_date must be an ISO-8601 datetime'],
  ])('when %s, it answers 400 naming it', async (query, named) => {
    const r = await get(`/open311/v2/requests.xml?${query}`, k.staff);
    expect(r.status).toBe(400);
    expect(parseXml(r.text).errors.error[0].description).toContain(named);
  });

  it("when another resident or another company's staff asks for a request, it does not exist for them (404)", async () => {
    expect((await get(`/open311/v2/requests/${mine}.json`, k.residentB)).status).toBe(404);
    expect((await get(`/open311/v2/requests/${mine}.json`, k.otherStaff)).status).toBe(404);
    expect(
      (await get('/open311/v2/requests.json', k.residentB)).body.map((s: { service_request_id: string }) => s.service_request_id),
    ).not.toContain(mine);
  });

  it('when the list is read without a token, it answers 401', async () => {
    expect((await http(t.url, 'GET', '/open311/v2/requests.json')).status).toBe(401);
  });

  it("when a resident's ticket is anonymous, nothing the company reads through Open311 names the reporter", async () => {
    const r = await http(t.url, 'POST', '/tickets', { token: k.residentB, body: ticketBody({ anonymous: true, title: '匿名举报' }) });
    track(r.headers);
    const read = await get(`/open311/v2/requests/${r.body.id}.json`, k.staff);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain('res-b');
    expect(read.text).not.toContain('李叔');
  });
});

describe('contact details are personal data (SPEC §2.1, §7)', () => {
  const contact = { email: 'chen.apo@example.cn', first_name: '阿婆', last_name: '陈', phone: '13800138000' };

  it('when a request carries contact details, they are kept apart from the log, shown to the person, and erasing the person erases them', async () => {
    const r = await postForm('/open311/v2/requests.json?jurisdiction_id=qianpu', elevatorForm(residentC, contact), {
      'idempotency-key': 'o311-contact',
    });
    expect(r.status).toBe(201);
    const id = r.body[0].service_request_id;
    const events = await sql(t, `SELECT data::text || metadata::text AS text FROM es_events`);
    const idempotency = await sql(t, `SELECT row_to_json(i)::text AS text FROM es_idempotency i`);
    for (const value of Object.values(contact)) {
      expect(events.filter((e) => e.text.includes(value))).toEqual([]);
      expect(idempotency.filter((e) => e.text.includes(value))).toEqual([]);
    }
    expect(await sql(t, `SELECT person_id, email, phone FROM pd_open311_contacts WHERE ticket_id = $1`, [id])).toEqual([
      { person_id: 'res-c', email: contact.email, phone: contact.phone },
    ]);
    const access = await http(t.url, 'GET', '/people/res-c/personal-data', { token: residentC });
    expect(access.body.open311Contacts).toEqual([
      { ticketId: id, email: contact.email, firstName: '阿婆', lastName: '陈', phone: contact.phone, createdAt: expect.any(String) },
    ]);
    expect((await http(t.url, 'DELETE', '/people/res-c/personal-data', { token: residentC })).status).toBe(200);
    expect((await http(t.url, 'GET', '/people/res-c/personal-data', { token: k.admin })).body.open311Contacts).toEqual([]);
    expect(
      await sql(
        t,
        `SELECT email, first_name, last_name, phone, erased_at IS NOT NULL AS erased FROM pd_open311_contacts WHERE ticket_id = $1`,
        [id],
      ),
    ).toEqual([{ email: null, first_name: null, last_name: null, phone: null, erased: true }]);
  });

  it('when a request filed for no registered person carries contact details, an admin erases them by the request, and only an admin', async () => {
    const r = await postForm(
      '/open311/v2/requests.json?jurisdiction_id=qianpu',
      elevatorForm(k.staff, { email: 'walkin@example.cn', phone: '13900139000' }),
    );
    expect(r.status).toBe(201);
    const id = r.body[0].service_request_id;
    expect(await sql(t, `SELECT person_id, email FROM pd_open311_contacts WHERE ticket_id = $1`, [id])).toEqual([
      { person_id: null, email: 'walkin@example.cn' },
    ]);
    expect((await http(t.url, 'DELETE', `/open311/v2/requests/${id}/contact`, { token: k.staff })).status).toBe(403);
    const erased = await http(t.url, 'DELETE', `/open311/v2/requests/${id}/contact`, { token: k.admin });
    expect(erased.status).toBe(200);
    expect(
      await sql(t, `SELECT email, phone, erased_at IS NOT NULL AS erased FROM pd_open311_contacts WHERE ticket_id = $1`, [id]),
    ).toEqual([{ email: null, phone: null, erased: true }]);
    const none = await http(t.url, 'DELETE', '/open311/v2/requests/00000000-0000-4000-8000-000000000000/contact', { token: k.admin });
    expect(none.status).toBe(404);
  });
});
