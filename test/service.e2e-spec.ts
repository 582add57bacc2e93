import { SignJWT } from 'jose';
import { http, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type PostgresEventStore } from '@jinlin/event-store';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('service');
});
afterAll(() => t.close());

const sign = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET, exp: string | number = '5m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u-1').setExpirationTime(exp).sign(new TextEncoder().encode(secret));

describe('operations endpoints', () => {
  it('when asked, /health/live answers 200 without a token', async () => {
    const r = await http(t.url, 'GET', '/health/live');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });

  it('when the stores answer and projections keep up, /health/ready answers 200 with each check', async () => {
    const r = await http(t.url, 'GET', '/health/ready');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.details)).toEqual(['eventStore', 'readModels', 'projections']);
  });

  it('when scraped, /metrics serves Prometheus text with the HTTP histogram', async () => {
    await http(t.url, 'GET', '/health/live');
    const r = await http(t.url, 'GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toMatch(/jinlin_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} \d+/);
  });

  it('when appends go together, /metrics counts the batches, the appends they carried and the fallbacks (group commit)', async () => {
    const store = t.app.get<PostgresEventStore>(EVENT_STORE);
    const counter = (text: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    const before = (await http(t.url, 'GET', '/metrics')).text;
    // Ten appends in one tick: two leave at once (two batches in flight), the other eight queue and leave together.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.appendToStream(`metrics-${randomUUID()}`, [{ type: 'Probe', data: {} }], { expected: 'no_stream' }),
      ),
    );
    const after = (await http(t.url, 'GET', '/metrics')).text;
    const grew = (name: string) => counter(after, name) - counter(before, name);
    expect([
      grew('jinlin_append_batches_total'),
      grew('jinlin_append_batched_appends_total'),
      grew('jinlin_append_batch_fallbacks_total'),
    ]).toEqual([1, 8, 0]);
    const stats = store.appendStats;
    expect([counter(after, 'jinlin_append_batches_total'), counter(after, 'jinlin_append_batched_appends_total')]).toEqual([
      stats.batches,
      stats.batchedAppends,
    ]);
  });

  it('when fetched, /docs/openapi.json describes the API', async () => {
    const r = await http(t.url, 'GET', '/docs/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
  });

  it('when a route does not exist, the answer is a 404 problem document', async () => {
    const r = await http(t.url, 'GET', '/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('when a request carries a correlation id, the answer echoes it', async () => {
    const r = await http(t.url, 'GET', '/health/live', { headers: { 'x-correlation-id': 'corr-123' } });
    expect(r.headers.get('x-correlation-id')).toBe('corr-123');
  });
});

describe('authentication (on a route that needs it)', () => {
  const protectedPath = '/auth/whoami';

  it('when no token is sent, the answer is 401', async () => {
    expect((await http(t.url, 'GET', protectedPath)).status).toBe(401);
  });

  it('when the token is malformed, wrongly signed or expired, the answer is 401', async () => {
    const wrongSecret = await sign({ roles: ['admin'] }, 'another-secret-that-is-long-enough-xxxxxxxx');
    const expired = await sign({ roles: ['admin'] }, TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 60);
    for (const token of ['not.a.jwt', wrongSecret, expired]) {
      const r = await http(t.url, 'GET', protectedPath, { token });
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await http(t.url, 'GET', protectedPath, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('when the roles claim is missing or unknown, the answer is 401', async () => {
    expect((await http(t.url, 'GET', protectedPath, { token: await sign({}) })).status).toBe(401);
    expect((await http(t.url, 'GET', protectedPath, { token: await sign({ roles: ['king'] }) })).status).toBe(401);
  });

  it('when the token is valid, the caller is known by its claims', async () => {
    const token = await sign({ roles: ['staff'], communities: ['c-1'], companyId: 'co-1', name: '小陈' });
    const r = await http(t.url, 'GET', protectedPath, { token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 'u-1', name: '小陈', roles: ['staff'], communities: ['c-1'], companyId: 'co-1' });
  });
});

describe('request limits', () => {
  it('when a body is over 64 KiB, the answer is 413', async () => {
    const raw = JSON.stringify({ text: 'x'.repeat(70 * 1024) });
    const r = await http(t.url, 'POST', '/auth/whoami', { raw, token: await sign({ roles: ['admin'] }) });
    expect(r.status).toBe(413);
    expect(r.body.status).toBe(413);
  });

  it('when a body is not valid JSON, the answer is 400', async () => {
    const r = await http(t.url, 'POST', '/auth/whoami', { raw: '{oops', token: await sign({ roles: ['admin'] }) });
    expect(r.status).toBe(400);
  });
});
