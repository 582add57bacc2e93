import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, tokensFor, type Tokens } from './support/world';

/**
 * A real Open311 client against the service: codeforamerica's `open311` from the npm registry
 * (node-open311 0.0.12, what the issue found district tools use), unchanged. It names a git-URL
 * `sparkxml` and a native `xml2json`, which it needs only in XML mode; package.json's overrides
 * put fast-xml-parser in their place so that it installs, and this test runs its JSON mode, the way
 * it talks by default: form-encoded POST with api_key and attribute[…] in the body, jurisdiction_id
 * in the query string, and only 200 taken as success on reads.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without types
const Open311 = require('open311') as new (options: Record<string, unknown>) => Open311Client;

type Callback = (error: unknown, data: any) => void;
type Open311Client = {
  endpoint?: string;
  format: string;
  serviceDiscovery(options: Record<string, unknown>, callback: Callback): void;
  serviceList(callback: Callback): void;
  serviceDefinition(code: string, callback: Callback): void;
  submitRequest(data: Record<string, unknown>, callback: Callback): void;
  serviceRequests(params: Record<string, unknown>, callback: Callback): void;
  serviceRequest(id: string, params: Record<string, unknown>, callback: Callback): void;
};

/** The client's callbacks as promises: an error (its own, or a non-200 it saw) rejects. */
const call = <T = any>(run: (callback: Callback) => void) =>
  new Promise<T>((resolve, reject) =>
    run((error, data) => (error ? reject(new Error(`open311 client: ${String(error)} ${data}`)) : resolve(data))),
  );

let t: TestApp;
let k: Tokens;
let last = 0;

beforeAll(async () => {
  t = await startTestApp('open311_client');
  k = await tokensFor(t);
  await seedWorld(t, k);
  const put = await http(t.url, 'PUT', '/communities/qianpu/buildings/3', { token: k.admin, body: { name: '3号楼', units: ['2单元'] } });
  expect(put.status).toBe(200);
  last = Number(put.headers.get('jinlin-position'));
  // The client's public reads take no position: wait here until the community and building are projected.
  const buildings = await http(t.url, 'GET', `/communities/qianpu/buildings?minPosition=${last}`, { token: k.admin });
  expect(buildings.body.items).toHaveLength(1);
}, 60_000);
afterAll(() => t.close());

const staffStep = async (id: string, step: string, body: Record<string, string>) => {
  const r = await http(t.url, 'POST', `/tickets/${id}/${step}`, { token: k.staff, body });
  expect(r.status).toBe(200);
  last = Number(r.headers.get('jinlin-position'));
};

it('when a real Open311 client discovers the service, files a request and follows it, it sees the status change after the staff resolve it', async () => {
  const client = new Open311({ discovery: `${t.url}/open311/discovery.json`, jurisdiction: 'qianpu', apiKey: k.residentA });
  const discovery = await call((cb) => client.serviceDiscovery({ cache: true }, cb));
  expect(discovery.endpoints[0].type).toBe('production');
  expect(client.endpoint).toBe(`${t.url}/open311/v2/`);
  expect(client.format).toBe('json');

  const services = await call<{ service_code: string; service_name: string }[]>((cb) => client.serviceList(cb));
  expect(services).toContainEqual(expect.objectContaining({ service_code: 'elevator', service_name: '电梯' }));
  const definition = await call((cb) => client.serviceDefinition('elevator', cb));
  expect(definition.attributes[0]).toMatchObject({ code: 'building', values: [{ key: '3', name: '3号楼' }] });

  const filed = await call((cb) =>
    client.submitRequest(
      {
        service_code: 'elevator',
        description: '3号楼电梯停运，老人下不了楼',
        attributes: { building: '3', unit: '2单元', room: '1203' },
        email: 'wang@example.cn',
        first_name: '阿姨',
        last_name: '王',
      },
      cb,
    ),
  );
  expect(filed).toEqual([expect.objectContaining({ service_request_id: expect.any(String) })]);
  const id: string = filed[0].service_request_id;
  // The client shows no headers, so no position: read your write by the log's head instead.
  last = (await sql(t, `SELECT max(global_position)::int AS p FROM es_events`))[0].p;
  const ticket = await http(t.url, 'GET', `/tickets/${id}?minPosition=${last}`, { token: k.staff });
  expect(ticket.body).toMatchObject({ reporterId: 'res-a', location: { building: '3', unit: '2单元', room: '1203' } });

  // Reads carry api_key as a parameter: the client sets no header on GETs.
  const open = await call<{ service_request_id: string }[]>((cb) =>
    client.serviceRequests({ status: 'open', api_key: k.residentA, minPosition: last }, cb),
  );
  expect(open.map((r) => r.service_request_id)).toContain(id);
  const [before] = await call((cb) => client.serviceRequest(id, { api_key: k.residentA, minPosition: last }, cb));
  expect(before).toMatchObject({ service_request_id: id, status: 'open', status_notes: '待受理 (open)', agency_responsible: '嘉园物业' });
  expect(before.requested_datetime).toBeInstanceOf(Date);

  await staffStep(id, 'acknowledge', { message: '收到，已通知电梯维保' });
  await staffStep(id, 'actions', { description: '更换控制板' });
  await staffStep(id, 'resolve', { resolution: '电梯恢复运行' });

  const [after] = await call((cb) => client.serviceRequest(id, { api_key: k.residentA, minPosition: last }, cb));
  expect(after).toMatchObject({ service_request_id: id, status: 'closed', status_notes: '已解决 (resolved)' });
  expect(after.updated_datetime.getTime()).toBeGreaterThan(before.requested_datetime.getTime());
  const closed = await call<{ service_request_id: string }[]>((cb) =>
    client.serviceRequests({ status: 'closed', api_key: k.residentA, minPosition: last }, cb),
  );
  expect(closed.map((r) => r.service_request_id)).toEqual([id]);
});

it("when the real client files without an api_key the service accepts, it reports the service's 401 as a failure", async () => {
  const client = new Open311({ endpoint: `${t.url}/open311/v2/`, jurisdiction: 'qianpu', apiKey: 'not-a-token' });
  await expect(
    call((cb) => client.submitRequest({ service_code: 'elevator', description: '电梯停运', address_id: '3' }, cb)),
  ).rejects.toThrow(/401/);
});
