import { http, sql, startInstance, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';
import { eventually, WebhookReceiver } from './support/webhook-receiver';

/**
 * Issue 18 review: the sender records a delivery's last failure, then appends WebhookDisabled. A
 * crash between the two left the webhook enabled, its event marked failed, and the rest of its
 * queue still sent. That state is made here directly (the first instance sends nothing,
 * WEBHOOKS_RUN=false; the test marks a delivery failed as the sender would have), and a second
 * instance, the restart, must disable the webhook before it sends it anything, once.
 */
let t: TestApp;
let restarted: TestApp | null = null;
let k: Tokens;
const receivers: WebhookReceiver[] = [];
const SECRET = 'a-secret-of-16-chars-or-more';
const SENDER = { WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_WINDOW_MS: '4000' };

beforeAll(async () => {
  t = await startTestApp('webhooks-recovery', { WEBHOOKS_RUN: 'false' });
  k = await tokensFor(t);
  await seedWorld(t, k);
}, 60_000);
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await restarted?.close();
  await t?.close();
});

const post = (app: TestApp, path: string, body: unknown) => http(app.url, 'POST', path, { token: k.admin, body });
const get = (app: TestApp, path: string) => http(app.url, 'GET', path, { token: k.admin });
const receiver = async () => {
  const r = await WebhookReceiver.start();
  receivers.push(r);
  return r;
};
const register = async (id: string, url: string) => {
  const r = await post(t, '/webhooks', { id, url, secret: SECRET, events: ['TicketFiled'] });
  expect({ status: r.status, text: r.text }).toEqual({ status: 201, text: expect.any(String) });
};
const file = async (app: TestApp, title: string) => {
  const r = await http(app.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody({ title }) });
  expect(r.status).toBe(201);
  return r.body as { id: string; position: number };
};
const disabledEvents = (webhookId: string) =>
  sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1 AND type = 'WebhookDisabled'`, [
    `webhook-${webhookId}`,
  ]);

it('when a delivery failed for good but the webhook was left enabled, the restarted sender disables it, sends it nothing more, and only once', async () => {
  const crashed = await receiver();
  const witness = await receiver();
  await register('crashed', crashed.url);
  const first = await file(t, '电梯停运');
  const second = await file(t, '楼道灯坏了');
  const queued = await get(t, `/webhooks/crashed/deliveries?minPosition=${second.position}`);
  expect(queued.body.items.map((d: { status: string }) => d.status)).toEqual(['pending', 'pending']);
  // What recordFailed leaves when the retry window is over, and then the crash: no WebhookDisabled.
  await sql(
    t,
    `UPDATE wh_deliveries SET status = 'failed', attempts = 12, last_status = 500, last_error = 'HTTP 500',
       first_attempt_at = now() - interval '1 day' WHERE webhook_id = 'crashed' AND event_id = $1`,
    [`ticket-${first.id}@1`],
  );
  expect(await disabledEvents('crashed')).toEqual([{ n: 0 }]);

  restarted = await startInstance(t.db, SENDER);
  const hook = await eventually(async () => {
    const one = (await get(restarted!, '/webhooks')).body.items.find((w: { id: string }) => w.id === 'crashed');
    expect(one.status).toBe('disabled');
    return one;
  }, 20_000);
  expect(hook.disabledReason).toContain(`ticket-${first.id}@1`);
  expect(hook.disabledReason).toContain('HTTP 500');

  // A webhook registered afterwards gets a later filing: the sender has taken turns since.
  await register('witness', witness.url);
  const later = await file(restarted, '垃圾未清运');
  await eventually(() => expect(witness.accepted.map((r) => r.eventId)).toContain(`ticket-${later.id}@1`), 20_000);
  expect(crashed.requests).toEqual([]);
  const log = (await get(restarted, '/webhooks/crashed/deliveries')).body.items;
  expect(log.map((d: { eventId: string; status: string }) => [d.eventId, d.status])).toEqual([
    [`ticket-${second.id}@1`, 'stopped'],
    [`ticket-${first.id}@1`, 'failed'],
  ]);
  expect(await disabledEvents('crashed')).toEqual([{ n: 1 }]);
});
