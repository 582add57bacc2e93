import fc from 'fast-check';
import { Client } from 'pg';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from '../support/world';

/**
 * Generated garbage against every write endpoint: never a 5xx, and a refused request never leaves
 * an event behind.
 */
let t: TestApp;
let k: Tokens;
let sql: Client;
let ticketId: string;
let handoverId: string;

beforeAll(async () => {
  t = await startTestApp('fuzz');
  k = await tokensFor(t);
  await seedWorld(t, k);
  ticketId = (await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() })).body.id;
  const started = { communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '测试' };
  handoverId = (await http(t.url, 'POST', '/handovers', { token: k.committee, body: started })).body.id;
  await http(t.url, 'POST', `/handovers/${handoverId}/blockers`, { token: k.committee, body: { text: '一号' } });
  sql = new Client({ connectionString: t.db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
  await t.close();
});

const head = async () => Number((await sql.query('SELECT coalesce(max(global_position), 0) AS p FROM es_events')).rows[0].p);

/** Each write endpoint with a body it would accept: mutations of it reach deep into validation. */
const ROUTES: Record<string, Record<string, unknown>> = {
  'POST /tickets': ticketBody(),
  'POST /tickets/:id/acknowledge': { message: '收到' },
  'POST /tickets/:id/assign': { assigneeId: 'staff-1' },
  'POST /tickets/:id/actions': { description: '处理中' },
  'POST /tickets/:id/comments': { text: '评论', internal: false },
  'POST /tickets/:id/resolve': { resolution: '已修' },
  'POST /tickets/:id/confirm': {},
  'POST /tickets/:id/reject': { reason: '没修好' },
  'POST /tickets/:id/rate': { score: 4, comment: '好' },
  'POST /tickets/:id/escalate': { level: 'committee', reason: '拖延' },
  'POST /tickets/:id/withdraw': { reason: '不用了' },
  'POST /tickets/:id/follow-ups': { method: 'phone', reached: true, score: 4, note: '回访' },
  'POST /tickets/:id/support': {},
  'POST /tickets/:id/merge': { intoTicketId: '00000000-0000-4000-8000-000000000000' },
  'POST /tickets/:id/visibility': { visibility: 'community' },
  'POST /people': { id: 'fuzz-p', name: '某人', roles: ['resident'], communities: ['qianpu'], phone: '13800000000' },
  'POST /companies': { id: 'fuzz-co', name: '公司' },
  'POST /communities': { id: 'fuzz-c', name: '小区', subdistrict: '街道', neighbourhood: '社区', propertyCompanyId: 'jiayuan' },
  'POST /handovers': { communityId: 'xingang', outgoingCompanyId: 'haiyue', reason: '退出' },
  'POST /handovers/:hid/steps/:step/complete': { note: '完成', defects: ['漏水'] },
  'POST /handovers/:hid/steps/:step/plan': { ownerId: 'staff-1', due: '2099-01-01' },
  'POST /handovers/:hid/blockers': { text: '账户未移交' },
  'POST /handovers/:hid/blockers/:n/resolve': { note: '已解决' },
  'POST /handovers/:hid/complete': {},
  'POST /handovers/:hid/cancel': { reason: '取消' },
  'PUT /communities/:cid/sla-policies/:category': { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 600 },
};

/** Values known to hurt somewhere: every one goes into every field of every endpoint, besides the random runs. */
const CORPUS: unknown[] = [
  '\ud800',
  'a\u0000b',
  '\udc00x',
  '\u202e',
  '',
  '   ',
  'x'.repeat(70_000),
  -1,
  1e308,
  true,
  null,
  [],
  {},
  { $gt: '' },
  ['a'],
  'qianpu',
  '../../etc/passwd',
];

const nasty = fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', '\u0000', '$where', '../', '%00', 'toString');
const text = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('\ud800', 'a\u0000b', '\udc00x', '𠮷🚧', "'; DROP TABLE es_events; --", '   ', '', 'x'.repeat(70_000)),
  },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 5000 }) },
);
const value = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);
const deep = fc.integer({ min: 1, max: 40 }).map((n) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { inner: v };
  return v;
});
const garbage = fc.oneof(
  fc.dictionary(fc.oneof(nasty, fc.string()), value).map((o) => JSON.stringify(o)),
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
  deep.map((v) => JSON.stringify({ text: v })),
  fc.constantFrom(
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"x": 1}}}',
    '{bad json',
    '',
    '[]',
    '"str"',
    '{"title": "\\uZZZZ"}',
  ),
);
/** A valid body with one field replaced, removed or joined by a stranger. */
const mutation = (valid: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(valid), '__proto__', 'constructor', 'extra'), fc.oneof(value, deep), fc.boolean())
    .map(([field, v, drop]) => {
      const copy: Record<string, unknown> = { ...valid };
      // Assigning __proto__ would set the prototype, not a key: write that one into the text itself.
      if (field === '__proto__') return `{"__proto__": ${JSON.stringify(v) ?? 'null'}, ${JSON.stringify(copy).slice(1)}`;
      if (drop) delete copy[field];
      else copy[field] = v;
      return JSON.stringify(copy);
    });
const bodyFor = (route: string) =>
  fc.oneof(
    { weight: 3, arbitrary: mutation(ROUTES[route]) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(ROUTES[route])) },
    { weight: 2, arbitrary: garbage },
  );
const pathPart = fc.oneof(
  { weight: 4, arbitrary: fc.constant('VALID') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.uuid(),
      fc.constantFrom('..', '%2e%2e', 'qianpu-h1', '-1', '99999999999999999999', 'no_such_step'),
    ),
  },
);
// Mostly absent: a bad header stops a request before the body is even looked at.
const header = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('"1"', '1', 'W/"1"', '*', '-1', '"99999999999"')) },
);

function fill(route: string, id: string, step: string, n: string): [string, string] {
  const [method, path] = route.split(' ');
  const part = (v: string, valid: string) => encodeURIComponent(v === 'VALID' ? valid : v);
  return [
    method,
    path
      .replace(':id', part(id, ticketId))
      .replace(':hid', part(id, handoverId))
      .replace(':cid', part(id, 'qianpu'))
      .replace(':step', part(step, 'archives'))
      .replace(':category', part(step, 'sanitation'))
      .replace(':n', part(n, '1')),
  ];
}

it('when any write endpoint gets generated bodies, headers and paths, it never answers 5xx and a refusal stores nothing', async () => {
  const tokens = [k.admin, k.residentA, k.staff, k.committee];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...Object.keys(ROUTES)).chain((route) => fc.tuple(fc.constant(route), bodyFor(route))),
      pathPart,
      pathPart,
      pathPart,
      header,
      header,
      fc.nat(3),
      async ([route, raw], id, step, n, ifMatch, key, who) => {
        const [method, path] = fill(route, id, step, n);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (ifMatch !== undefined) headers['if-match'] = ifMatch;
        if (key !== undefined) headers['idempotency-key'] = key;
        const before = await head();
        let r;
        try {
          r = await http(t.url, method, path, { token: tokens[who], raw, headers });
        } catch (error) {
          if (error instanceof TypeError && /header|ByteString|Invalid character/i.test(String((error as Error).cause ?? error.message)))
            return; // fetch refused to send it
          throw error;
        }
        expect({ route, path, status: r.status < 500 ? 'ok' : r.text }).toEqual({ route, path, status: 'ok' });
        if (r.status >= 400) expect(await head()).toBe(before);
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
  );
}, 240_000);

it('when every field of every endpoint gets each known-bad value, it never answers 5xx and a refusal stores nothing', async () => {
  const failures: string[] = [];
  for (const [route, valid] of Object.entries(ROUTES)) {
    const [method, path] = fill(route, 'VALID', 'VALID', 'VALID');
    for (const field of Object.keys(valid)) {
      for (const bad of CORPUS) {
        const before = await head();
        const r = await http(t.url, method, path, { token: k.admin, raw: JSON.stringify({ ...valid, [field]: bad }) });
        if (r.status >= 500 || (r.status >= 400 && (await head()) !== before))
          failures.push(`${route} ${field}=${JSON.stringify(bad).slice(0, 20)} → ${r.status}`);
      }
    }
  }
  expect(failures).toEqual([]);
}, 240_000);
