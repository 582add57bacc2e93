import { http, startTestApp, type Reply, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * The web app's client is typed from the document: a read model described with a field it does
 * not have, a field it lacks, a wrong type or a missing null would type-check there and break in
 * the browser. So the service's real answers are checked against the document's own schemas.
 */
let t: TestApp;
let k: Tokens;
let doc: any;
let ticketId: string;
beforeAll(async () => {
  t = await startTestApp('openapi-answers');
  k = await tokensFor(t);
  await seedWorld(t, k);
  doc = (await http(t.url, 'GET', '/docs/openapi.json')).body;
  const filed = await http(t.url, 'POST', '/tickets', {
    token: k.residentA,
    body: ticketBody({ visibility: 'community', location: { area: '3号楼电梯厅', note: '靠近单元门' } }),
  });
  expect(filed.status).toBe(201);
  ticketId = filed.body.id;
  const acknowledged = await http(t.url, 'POST', `/tickets/${ticketId}/acknowledge`, {
    token: k.staff,
    body: { message: '收到，已通知电梯维保' },
    headers: { 'if-match': filed.headers.get('etag')! },
  });
  expect(acknowledged.status).toBe(200);
  expect(answers('POST', '/tickets/{id}/acknowledge', acknowledged)).toEqual([]);
  await http(t.url, 'GET', `/tickets/${ticketId}?minPosition=${acknowledged.body.position}`, { token: k.staff });
  // The notifications projection reaches the filing too (the company's staff are told of it).
  await http(t.url, 'GET', `/notifications?minPosition=${acknowledged.body.position}`, { token: k.staff });
});
afterAll(() => t.close());

const component = (s: any) => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s);

/** Where a value breaks its schema (the subset of OpenAPI 3.0 that @nestjs/swagger writes). */
function breaks(schema: any, value: unknown, at: string, out: string[] = []): string[] {
  schema = component(schema);
  if (value === null) {
    if (!schema.nullable) out.push(`${at}: null, but not nullable`);
    return out;
  }
  if (schema.allOf) for (const part of schema.allOf) breaks(part, value, at, out);
  if (schema.enum && !schema.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  const type = schema.type;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (type === 'integer' || type === 'number') {
    if (actual !== 'number') out.push(`${at}: ${actual}, documented ${type}`);
  } else if (type && type !== actual) {
    out.push(`${at}: ${actual}, documented ${type}`);
  } else if (type === 'array' && schema.items) {
    (value as unknown[]).forEach((v, i) => breaks(schema.items, v, `${at}[${i}]`, out));
  } else if (type === 'object' && actual === 'object') {
    const properties: Record<string, unknown> = schema.properties ?? {};
    for (const key of schema.required ?? []) if (!(key in (value as object))) out.push(`${at}.${key}: documented as required, absent`);
    for (const [key, v] of Object.entries(value as object)) {
      if (key in properties) breaks(properties[key], v, `${at}.${key}`, out);
      else if (typeof schema.additionalProperties === 'object') breaks(schema.additionalProperties, v, `${at}.${key}`, out);
      else if (!schema.additionalProperties && !schema.allOf) out.push(`${at}.${key}: not documented`);
    }
  }
  return out;
}

/** The answer checked against the document: its status documented, its body the documented schema, the documented headers sent. */
function answers(method: string, path: string, reply: Reply): string[] {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${path} is not in the document`];
  const documented = operation.responses[String(reply.status)];
  if (!documented) return [`${method} ${path} answered ${reply.status}, which is not documented: ${reply.text.slice(0, 200)}`];
  const type = (reply.headers.get('content-type') ?? '').split(';')[0];
  const media = documented.content?.[type];
  const out: string[] = [];
  if (documented.content && !media)
    out.push(`${method} ${path}: answered ${type}, documented ${Object.keys(documented.content).join(', ')}`);
  if (media?.schema && type.endsWith('json')) breaks(media.schema, reply.body, `${method} ${path}`, out);
  for (const header of Object.keys(documented.headers ?? {}))
    if (header !== 'Jinlin-Stale' && reply.headers.get(header) === null) out.push(`${method} ${path}: no ${header} header`);
  return out;
}

const get = (path: string, token: string) => http(t.url, 'GET', path, { token });

it('the ticket reads answer as documented: the whole ticket, a neighbour’s part of it, the list and the timeline', async () => {
  expect(answers('GET', '/tickets/{id}', await get(`/tickets/${ticketId}`, k.staff))).toEqual([]);
  const neighbour = await get(`/tickets/${ticketId}`, k.residentB);
  expect(neighbour.body.view).toBe('community');
  expect(answers('GET', '/tickets/{id}', neighbour)).toEqual([]);
  const list = await get('/tickets', k.manager);
  expect(list.body.items.length).toBeGreaterThan(0);
  expect(answers('GET', '/tickets', list)).toEqual([]);
  const timeline = await get(`/tickets/${ticketId}/timeline`, k.staff);
  expect(timeline.body.events.length).toBe(2);
  expect(answers('GET', '/tickets/{id}/timeline', timeline)).toEqual([]);
  expect(answers('GET', '/tickets/{id}/similar', await get(`/tickets/${ticketId}/similar`, k.manager))).toEqual([]);
});

it('the directory, reference data, calendar, notifications and whoami answer as documented', async () => {
  const reads: [string, string, string][] = [
    ['/people', '/people', k.admin],
    ['/people/{id}', '/people/res-a', k.admin],
    ['/people/{id}/personal-data', '/people/res-a/personal-data', k.residentA],
    ['/communities', '/communities', k.admin],
    ['/communities/{id}', '/communities/qianpu', k.admin],
    ['/communities/{id}/buildings', '/communities/qianpu/buildings', k.admin],
    ['/categories', '/categories', k.residentA],
    ['/calendars/cn/{year}', '/calendars/cn/2026', k.admin],
    ['/notifications', '/notifications', k.staff],
    ['/auth/whoami', '/auth/whoami', k.staff],
    ['/auth/me', '/auth/me', k.staff],
    ['/handovers', '/handovers', k.admin],
    ['/webhooks', '/webhooks', k.admin],
    ['/audit/seals', '/audit/seals', k.secretary],
  ];
  const broken: string[] = [];
  for (const [path, url, token] of reads) broken.push(...answers('GET', path, await get(url, token)));
  expect(broken).toEqual([]);
  // Not vacuous: the lists checked hold something.
  expect((await get('/people', k.admin)).body.items.length).toBeGreaterThan(0);
  expect((await get('/notifications', k.staff)).body.items.length).toBeGreaterThan(0);
});

it('an anonymous ticket, as the company sees it, and the dashboards answer as documented', async () => {
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentB, body: ticketBody({ anonymous: true, category: 'noise' }) });
  expect(filed.status).toBe(201);
  const seen = await get(`/tickets/${filed.body.id}?minPosition=${filed.body.position}`, k.staff);
  expect(seen.body.reporterId).toBeNull();
  expect(answers('GET', '/tickets/{id}', seen)).toEqual([]);
  const summary = await get(`/dashboards/summary?groupBy=category&minPosition=${filed.body.position}`, k.manager);
  expect(summary.body.groups.length).toBeGreaterThan(0);
  expect(answers('GET', '/dashboards/summary', summary)).toEqual([]);
});

it('a handover answers as documented, blockers and steps included', async () => {
  const started = await http(t.url, 'POST', '/handovers', {
    token: k.committee,
    body: { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '原物业公司突然宣布退出' },
  });
  expect(answers('POST', '/handovers', started)).toEqual([]);
  const id = started.body.id;
  const raised = await http(t.url, 'POST', `/handovers/${id}/blockers`, { token: k.committee, body: { text: '公共收益账户未移交' } });
  expect(answers('POST', '/handovers/{id}/blockers', raised)).toEqual([]);
  const step = await http(t.url, 'POST', `/handovers/${id}/steps/exit_notice/complete`, {
    token: k.committee,
    body: { note: '原物业已书面通知退出' },
  });
  expect(answers('POST', '/handovers/{id}/steps/{step}/complete', step)).toEqual([]);
  const view = await get(`/handovers/${id}?minPosition=${step.body.position}`, k.committee);
  expect(view.body.openBlockers.length).toBe(1);
  expect(answers('GET', '/handovers/{id}', view)).toEqual([]);
  expect(answers('GET', '/handovers/{id}/timeline', await get(`/handovers/${id}/timeline`, k.committee))).toEqual([]);
});

it('refusals answer with the documented status and the problem document', async () => {
  const refusals: [string, string, Reply][] = [
    ['GET', '/tickets/{id}', await get('/tickets/00000000-0000-4000-8000-000000000000', k.staff)],
    ['GET', '/tickets', await http(t.url, 'GET', '/tickets')],
    ['GET', '/webhooks', await get('/webhooks', k.residentA)],
    ['POST', '/tickets', await http(t.url, 'POST', '/tickets', { token: k.residentA, body: { ...ticketBody(), title: '' } })],
    [
      'POST',
      '/tickets/{id}/acknowledge',
      await http(t.url, 'POST', `/tickets/${ticketId}/acknowledge`, {
        token: k.staff,
        body: { message: '收到' },
        headers: { 'if-match': '"1"' },
      }),
    ],
    [
      'POST',
      '/tickets',
      await http(t.url, 'POST', '/tickets', { token: k.residentA, raw: 'title=x', headers: { 'content-type': 'text/plain' } }),
    ],
  ];
  expect(refusals.map(([, , r]) => r.status)).toEqual([404, 401, 403, 400, 412, 415]);
  expect(refusals.flatMap(([method, path, reply]) => answers(method, path, reply))).toEqual([]);
});
