import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WEB_ROOT } from '../apps/api/src/web-app/web-app';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

/**
 * How the service sends the web app and the API's answers over the wire (issue 19's byte budgets):
 * hashed assets precompressed at build time and cached for a year, the page revalidated, the app's
 * own routes answered with the page, a missing asset a 404; and the API's larger answers compressed
 * when the client asks, its small ones and the notification stream left as they are.
 */
type Raw = { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer };

/** node:http, not fetch: fetch would decompress and hide what crossed the wire. */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(r: Raw): Buffer {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(r.bytes);
  if (encoding === 'gzip') return gunzipSync(r.bytes);
  if (encoding === undefined) return r.bytes;
  throw new Error(`unexpected content-encoding ${String(encoding)}`);
}

let t: TestApp;
let k: Tokens;
let script: string;
beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`the web app is not built at ${WEB_ROOT}: run "npm run build" first`);
  t = await startTestApp('web_app_serving');
  k = await tokensFor(t);
  await seedWorld(t, k);
  const index = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  script = /src="(\/app\/assets\/index-[^"]+\.js)"/.exec(index)?.[1] ?? '';
  if (!script) throw new Error('index.html names no entry script');
}, 60_000);
afterAll(() => t?.close());

describe('the web app over the wire', () => {
  it('sends an asset as the brotli or gzip file the build wrote, else as it is, and lets it be cached for a year', async () => {
    const onDisk = readFileSync(join(WEB_ROOT, script.replace('/app/', '')));
    const br = await raw(t.url, script, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    // The build's own .br file, byte for byte (brotli at quality 11, not compressed per request).
    expect(br.bytes.equals(readFileSync(join(WEB_ROOT, `${script.replace('/app/', '')}.br`)))).toBe(true);
    expect(decoded(br).equals(onDisk)).toBe(true);
    expect(br.bytes.length).toBeLessThan(onDisk.length / 2);

    const gz = await raw(t.url, script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(onDisk)).toBe(true);

    const plain = await raw(t.url, script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.equals(onDisk)).toBe(true);
  });

  it("answers the app's own routes with the page, revalidated each time; a missing asset is a 404, not the page", async () => {
    for (const path of ['/app/', '/app/m/file', '/app/console/queue?tab=mine']) {
      const page = await raw(t.url, path, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(decoded(page).toString()).toContain(script);
    }
    const missing = await raw(t.url, '/app/assets/index-0000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe("the API's answers over the wire", () => {
  it('compresses a large answer when asked (brotli or gzip), to the same JSON; without the header it is sent as is', async () => {
    let position = '';
    for (let i = 0; i < 30; i++) {
      const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
      expect(filed.status).toBe(201);
      position = filed.headers.get('jinlin-position') ?? '';
    }
    const path = `/tickets?communityId=qianpu&limit=100&minPosition=${position}`;
    const auth = { authorization: `Bearer ${k.manager}` };
    const plain = await raw(t.url, path, auth);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.bytes.toString());
    expect(json.items).toHaveLength(30);
    for (const encoding of ['br', 'gzip']) {
      const packed = await raw(t.url, path, { ...auth, 'accept-encoding': encoding });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(JSON.parse(decoded(packed).toString())).toEqual(json);
      expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 4);
    }
  });

  it("leaves a command's small answer and a problem's short detail uncompressed", async () => {
    const accepted = await raw(
      t.url,
      '/tickets',
      { authorization: `Bearer ${k.residentA}`, 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      'POST',
      JSON.stringify(ticketBody()),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(accepted.bytes.toString())).toMatchObject({ id: expect.any(String), version: 1 });
    const refused = await raw(t.url, '/tickets/nope', { authorization: `Bearer ${k.residentA}`, 'accept-encoding': 'br' });
    expect(refused.status).toBe(404);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('sends the notification stream uncompressed, so each event arrives when it is written', async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.url}/notifications/stream`, {
      headers: { authorization: `Bearer ${k.staff}`, 'accept-encoding': 'gzip, br' },
      signal: controller.signal,
    });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('content-encoding')).toBeNull();
      const first = await res.body!.getReader().read();
      expect(Buffer.from(first.value!).toString()).toContain(': connected');
    } finally {
      controller.abort();
    }
  });
});
