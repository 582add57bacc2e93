import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, tokensFor, USERS } from './support/world';

/** An instance whose projections do not run falls behind; /health/ready must say so. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('readiness', { PROJECTIONS_RUN: 'false', PROJECTION_MAX_LAG_MS: '1' });
});
afterAll(() => t.close());

it('when projections lag beyond the configured bound, /health/ready answers 503 naming them; live stays 200', async () => {
  await seedWorld(t, await tokensFor(t));
  await new Promise((r) => setTimeout(r, 20));
  // Two companies, two communities and one person per test user, none of them projected.
  const lag = 4 + Object.keys(USERS).length;
  const ready = await http(t.url, 'GET', '/health/ready');
  expect(ready.status).toBe(503);
  expect(ready.body.error.projections).toMatchObject({ status: 'down', tickets: { lagEvents: lag }, 'reference-data': { lagEvents: lag } });
  expect((await http(t.url, 'GET', '/health/live')).status).toBe(200);
  const metrics = await http(t.url, 'GET', '/metrics');
  expect(metrics.text).toMatch(new RegExp(`jinlin_projection_lag_events\\{projection="tickets"\\} ${lag}\\b`));
});
