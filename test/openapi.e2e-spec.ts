import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sortedKeys } from '../apps/api/src/http/openapi-document';
import { http, startTestApp, type TestApp } from './support/test-app';

/**
 * The web app's API client is generated from apps/web/src/api/openapi.json: the committed file
 * must be what the running service serves, or the client is built against an API that is not there.
 */
const COMMITTED = resolve(__dirname, '../apps/web/src/api/openapi.json');

let t: TestApp;
let served: any;
beforeAll(async () => {
  t = await startTestApp('openapi');
  const res = await http(t.url, 'GET', '/docs/openapi.json');
  expect(res.status).toBe(200);
  served = res.body;
});
afterAll(() => t.close());

/** Where two JSON values differ, as JSON-pointer-like paths (the first few). */
function differences(a: unknown, b: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as any)[key], (b as any)[key], `${at}/${key}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${at || '/'}: committed ${JSON.stringify(a)?.slice(0, 80)}, served ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}

it('the committed apps/web/src/api/openapi.json is the document the service serves at /docs/openapi.json', () => {
  const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
  const drift = differences(committed, sortedKeys(served));
  if (drift.length) {
    throw new Error(`apps/web/src/api/openapi.json is out of date: run npm run openapi\n${drift.join('\n')}`);
  }
  // The check itself: a changed document is caught (not a comparison that always passes).
  expect(differences(committed, { ...committed, paths: { ...committed.paths, '/extra': {} } })).toEqual([
    '/paths//extra: committed undefined, served {}',
  ]);
});
