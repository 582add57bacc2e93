import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { WebhookRegistered } from '@jinlin/domain';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';
import { eventually, verifies, WebhookReceiver } from './support/webhook-receiver';

/**
 * Issue 18 review: a WeCom/DingTalk/Feishu group robot's URL is its access key, and it was kept
 * whole in WebhookRegistered, in a log that can never be erased. Now the event, and GET /webhooks,
 * carry it masked, and the full URL is kept beside the signing secret, which the sender reads. A
 * webhook registered before keeps its event as it was; it is still sent to, at the event's URL.
 */
let t: TestApp;
let k: Tokens;
const receivers: WebhookReceiver[] = [];
const SECRET = 'a-secret-of-16-chars-or-more';

beforeAll(async () => {
  t = await startTestApp('webhooks-robot-key', { WEBHOOK_POLL_MS: '50' });
  k = await tokensFor(t);
  await seedWorld(t, k);
}, 60_000);
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t?.close();
});

const receiver = async () => {
  const r = await WebhookReceiver.start();
  receivers.push(r);
  return r;
};
const origin = (r: WebhookReceiver) => new URL(r.url).origin;
const register = async (id: string, url: string, format: string) => {
  const r = await http(t.url, 'POST', '/webhooks', { token: k.admin, body: { id, url, secret: SECRET, format, events: ['TicketFiled'] } });
  expect({ status: r.status, text: r.text }).toEqual({ status: 201, text: expect.any(String) });
  return r.body as { id: string; position: number };
};
const file = async (title: string) => {
  const r = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody({ title }) });
  expect(r.status).toBe(201);
  return r.body as { id: string; position: number };
};
const listed = async (id: string, minPosition: number) => {
  const r = await http(t.url, 'GET', `/webhooks?minPosition=${minPosition}`, { token: k.admin });
  expect(r.status).toBe(200);
  return { text: r.text, hook: (r.body.items as { id: string; url: string }[]).find((w) => w.id === id) };
};
/** Every stored event (data and metadata) whose text holds `needle`: what the log would keep for ever. */
const eventsHolding = (needle: string) =>
  sql<{ type: string }>(t, `SELECT type FROM es_events WHERE data::text LIKE $1 OR metadata::text LIKE $1`, [`%${needle}%`]);
const deliveredTo = (r: WebhookReceiver, eventId: string) =>
  eventually(() => {
    const hit = r.accepted.find((x) => x.eventId === eventId);
    expect(hit).toBeDefined();
    return hit!;
  });

it('when a wecom robot is registered with its key, no event holds the key, the list masks it, and the robot is sent to at the full URL', async () => {
  const robot = await receiver();
  const key = `wecom-${randomUUID()}`;
  const url = `${origin(robot)}/cgi-bin/webhook/send?key=${key}`;
  const registered = await register('wecom-keyed', url, 'wecom');

  expect(await eventsHolding(key)).toEqual([]);
  const [event] = await sql<{ data: WebhookRegistered['data'] }>(
    t,
    `SELECT data FROM es_events WHERE stream_id = 'webhook-wecom-keyed' AND type = 'WebhookRegistered'`,
  );
  expect(event.data.url).toBe(`${origin(robot)}/cgi-bin/webhook/send?key=***`);
  const { text, hook } = await listed('wecom-keyed', registered.position);
  expect(hook?.url).toBe(`${origin(robot)}/cgi-bin/webhook/send?key=***`);
  expect(text).not.toContain(key);

  const filed = await file('3号楼电梯停运');
  const got = await deliveredTo(robot, `ticket-${filed.id}@1`);
  expect(got.path).toBe(`/cgi-bin/webhook/send?key=${key}`);
  expect(got.json).toMatchObject({ msgtype: 'text' });
  expect(verifies(SECRET, got)).toBe(true);
  // Filing and sending wrote more events; none of them holds the key either.
  expect(await eventsHolding(key)).toEqual([]);
});

it('when a feishu robot is registered, its token path segment is kept out of the log and the list, and it is sent to at the full URL', async () => {
  const robot = await receiver();
  const token = `feishu-${randomUUID()}`;
  const registered = await register('feishu-keyed', `${origin(robot)}/open-apis/bot/v2/hook/${token}`, 'feishu');

  expect(await eventsHolding(token)).toEqual([]);
  const { text, hook } = await listed('feishu-keyed', registered.position);
  expect(hook?.url).toBe(`${origin(robot)}/open-apis/bot/v2/hook/***`);
  expect(text).not.toContain(token);

  const filed = await file('楼道灯坏了');
  const got = await deliveredTo(robot, `ticket-${filed.id}@1`);
  expect(got.path).toBe(`/open-apis/bot/v2/hook/${token}`);
});

it('when a webhook was registered before, with the full URL in its event, it is still sent to there, and the list masks the key', async () => {
  const robot = await receiver();
  const key = `old-${randomUUID()}`;
  const url = `${origin(robot)}/cgi-bin/webhook/send?key=${key}`;
  // As the registering request wrote them then: a secret row without a URL, and the event with the whole URL.
  const secretRef = randomUUID();
  await sql(t, `INSERT INTO wh_secrets (ref, secret) VALUES ($1, $2)`, [secretRef, SECRET]);
  const store = t.app.get<EventStore>(EVENT_STORE);
  const data: WebhookRegistered['data'] = {
    webhookId: 'wecom-old',
    url,
    format: 'wecom',
    events: ['TicketFiled'],
    communities: null,
    secretRef,
    registeredAt: new Date().toISOString(),
    by: { id: 'admin-1', roles: ['admin'] },
  };
  const appended = await store.appendToStream<WebhookRegistered>(
    'webhook-wecom-old',
    [{ type: 'WebhookRegistered', data, metadata: { actor: data.by } }],
    { expected: 'no_stream' },
  );
  expect(await eventsHolding(key)).toEqual([{ type: 'WebhookRegistered' }]);

  const { text, hook } = await listed('wecom-old', appended.lastPosition);
  expect(hook?.url).toBe(`${origin(robot)}/cgi-bin/webhook/send?key=***`);
  expect(text).not.toContain(key);

  const filed = await file('垃圾未清运');
  const got = await deliveredTo(robot, `ticket-${filed.id}@1`);
  expect(got.path).toBe(`/cgi-bin/webhook/send?key=${key}`);
  expect(verifies(SECRET, got)).toBe(true);
});
