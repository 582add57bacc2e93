import { connect, type Socket } from 'node:net';
import { SignJWT } from 'jose';
import { http, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

// Defects a black-box security test found (issue 14), each pinned by the test that failed before its fix.
let t: TestApp;
let tokens: Tokens;
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
beforeAll(async () => {
  t = await startTestApp('hardening', { BODY_TIMEOUT_MS: '1000', METRICS_TOKEN });
  tokens = await tokensFor(t);
  await seedWorld(t, tokens);
});
afterAll(() => t.close());

const port = () => Number(new URL(t.url).port);

/** A raw HTTP exchange: what a misbehaving client sends, byte for byte. */
function rawRequest(head: string, body: string): Promise<{ socket: Socket; answer: Promise<{ text: string; closedAfterMs: number }> }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port(), '127.0.0.1', () => {
      socket.write(head + body);
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      const answer = new Promise<{ text: string; closedAfterMs: number }>((done) =>
        socket.on('close', () => done({ text, closedAfterMs: Date.now() - started })),
      );
      resolve({ socket, answer });
    });
    socket.on('error', reject);
  });
}

describe('the dashboard page', () => {
  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'HEAD'])(
    'when an asset named %s is asked for, the answer is 404, not 500',
    async (name) => {
      expect((await http(t.url, 'GET', `/dashboard/assets/${name}`)).status).toBe(404);
      expect((await http(t.url, 'HEAD', `/dashboard/assets/${name}`)).status).toBe(404);
    },
  );

  it('when the page is served, it carries a CSP of its own origin without inline script, nosniff, no framing and a referrer policy', async () => {
    const r = await http(t.url, 'GET', '/dashboard');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBeTruthy();
  });

  it.each(['/%64ashboard', '/docs', '/%64ocs'])('when an HTML page is reached as %s, it carries the same headers', async (path) => {
    const r = await http(t.url, 'GET', path);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('when the answer is JSON, it carries no page headers (they cost the API a third of its speed)', async () => {
    const r = await http(t.url, 'GET', '/health/live');
    expect(r.headers.get('content-security-policy')).toBeNull();
  });
});

describe('request limits of SPEC §8', () => {
  it('when a body never finishes, the connection is closed within the body timeout plus the check interval', async () => {
    const { answer } = await rawRequest(
      `POST /tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.residentA}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
      '{"a":1,',
    );
    const { text, closedAfterMs } = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(5000);
  });

  it('when the headers are over 16 KiB, the answer is 431', async () => {
    const r = await fetch(`${t.url}/health/live`, { headers: { 'x-padding': 'a'.repeat(17 * 1024) } });
    expect(r.status).toBe(431);
  });

  it('when X-Correlation-Id is longer than 128 characters or has other characters, the answer is 400 naming it', async () => {
    for (const id of ['a'.repeat(129), 'has space', 'ünïcode', 'x;y']) {
      const r = await http(t.url, 'GET', '/health/live', { headers: { 'x-correlation-id': id } });
      expect(r.status).toBe(400);
      expect(r.body.detail).toMatch(/X-Correlation-Id/);
      expect(r.headers.get('x-correlation-id')).not.toBe(id);
    }
    const ok = 'A-z0.9_:'.padEnd(128, 'x');
    expect((await http(t.url, 'GET', '/health/live', { headers: { 'x-correlation-id': ok } })).headers.get('x-correlation-id')).toBe(ok);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'communityId=qianpu&category=elevator&title=t&description=d'],
    ['text/plain', JSON.stringify(ticketBody())],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nt\r\n--x--\r\n'],
  ])('when a command arrives as %s, the answer is 415 and nothing is filed', async (type, raw) => {
    const before = await http(t.url, 'GET', '/tickets?communityId=qianpu', { token: tokens.secretary });
    const r = await http(t.url, 'POST', '/tickets', { token: tokens.residentA, raw, headers: { 'content-type': type } });
    expect(r.status).toBe(415);
    expect(r.body.detail).toMatch(/application\/json/);
    const after = await http(t.url, 'GET', '/tickets?communityId=qianpu', { token: tokens.secretary });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('when a command arrives as JSON with a charset, it is taken', async () => {
    const r = await http(t.url, 'POST', '/tickets', {
      token: tokens.residentA,
      body: ticketBody(),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(r.status).toBe(201);
  });
});

describe('credentials', () => {
  it('when api_key is in the query string of a path outside /open311, it is not taken as a token', async () => {
    const r = await http(t.url, 'GET', `/auth/whoami?api_key=${tokens.admin}`);
    expect(r.status).toBe(401);
  });

  it('when a problem document names the URL, credentials in its query string are redacted', async () => {
    const r = await http(t.url, 'GET', `/no-such-route?api_key=${tokens.admin}&token=abc&status=open`);
    expect(r.status).toBe(404);
    expect(r.body.instance).toBe('/no-such-route?api_key=[redacted]&token=[redacted]&status=open');
    expect(r.text).not.toContain(tokens.admin);
  });

  it('when a token has no exp, the answer is 401', async () => {
    const noExp = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-1')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const r = await http(t.url, 'GET', '/auth/whoami', { token: noExp });
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/exp/);
  });

  it('when METRICS_TOKEN is set, /metrics needs it as the bearer token', async () => {
    expect((await http(t.url, 'GET', '/metrics')).status).toBe(401);
    expect((await http(t.url, 'GET', '/metrics', { token: tokens.admin })).status).toBe(401);
    const r = await http(t.url, 'GET', '/metrics', { token: METRICS_TOKEN });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/jinlin_http_request_duration_seconds/);
  });
});
