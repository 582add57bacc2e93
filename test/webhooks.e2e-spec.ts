import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';
import { eventually, verifies, WebhookReceiver } from './support/webhook-receiver';

/**
 * SPEC §9 webhooks over HTTP, with real receivers on loopback. The retry window and backoff are
 * short here (WEBHOOK_RETRY_*), so "24 hours" passes in a few seconds.
 */
let t: TestApp;
let k: Tokens;
const receivers: WebhookReceiver[] = [];
const SECRET = 'a-secret-of-16-chars-or-more';

beforeAll(async () => {
  t = await startTestApp('webhooks', {
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_MAX_DELAY_MS: '200',
    WEBHOOK_RETRY_WINDOW_MS: '4000',
  });
  k = await tokensFor(t);
  await seedWorld(t, k);
}, 60_000);
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t?.close();
});

const post = (path: string, token: string, body: unknown) => http(t.url, 'POST', path, { token, body });
const get = (path: string, token = k.admin) => http(t.url, 'GET', path, { token });
const receiver = async (...args: Parameters<typeof WebhookReceiver.start>) => {
  const r = await WebhookReceiver.start(...args);
  receivers.push(r);
  return r;
};
const register = async (id: string, url: string, extra: Record<string, unknown> = {}) => {
  const r = await post('/webhooks', k.admin, { id, url, secret: SECRET, events: ['TicketFiled', 'TicketAcknowledged'], ...extra });
  expect({ status: r.status, text: r.text }).toEqual({ status: 201, text: expect.any(String) });
  return r.body as { id: string; position: number; secret: string };
};
const file = async (overrides: Record<string, unknown> = {}, token = k.residentA) => {
  const r = await post('/tickets', token, ticketBody(overrides));
  expect(r.status).toBe(201);
  return r.body as { id: string; position: number };
};
const remove = async (id: string) => expect((await http(t.url, 'DELETE', `/webhooks/${id}`, { token: k.admin })).status).toBe(200);

describe('registration', () => {
  it('when an admin registers a webhook, the answer shows the secret once and the list never does', async () => {
    const r = await register('list-1', 'http://127.0.0.1:9/hook', { format: 'wecom', communities: ['qianpu'] });
    expect(r.secret).toBe(SECRET);
    const list = await get(`/webhooks?minPosition=${r.position}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: 'list-1', url: 'http://127.0.0.1:9/hook', format: 'wecom', communities: ['qianpu'], status: 'active' }),
    ]);
    expect(list.text).not.toContain(SECRET);
    await remove('list-1');
    expect((await get(`/webhooks?minPosition=${r.position + 1}`)).body.items).toEqual([]);
    expect((await http(t.url, 'DELETE', '/webhooks/list-1', { token: k.admin })).status).toBe(404);
    expect((await post('/webhooks', k.admin, { id: 'list-1', url: 'http://127.0.0.1:9/', secret: SECRET })).status).toBe(409);
  });

  it('when someone other than an admin registers or lists webhooks, it is refused', async () => {
    expect((await post('/webhooks', k.manager, { id: 'mgr-hook', url: 'http://127.0.0.1:9/', secret: SECRET })).status).toBe(403);
    expect((await get('/webhooks', k.manager)).status).toBe(403);
    expect((await get('/webhooks/list-1/deliveries', k.staff)).status).toBe(403);
  });

  it.each([
    ['url', { url: 'ftp://127.0.0.1/hook' }],
    ['url', { url: 'http://169.254.169.254/latest/meta-data' }],
    ['url', { url: 'http://[fe80::1]:8080/hook' }],
    ['url', { url: 'not a url' }],
    ['secret', { secret: 'too-short' }],
    ['events', { events: ['TicketFiled', 'NoSuchEvent'] }],
    ['communities', { communities: ['nowhere'] }],
    ['format', { format: 'slack' }],
  ])('when the %s is bad (%j), it is refused with 400 naming it', async (field, bad) => {
    const r = await post('/webhooks', k.admin, { id: 'bad-1', url: 'http://127.0.0.1:9/hook', secret: SECRET, ...bad });
    expect(r.status).toBe(400);
    expect(r.text).toContain(field);
  });

  it("when the URL is the service's own address and port, by IP or by name, it is refused", async () => {
    const own = await post('/webhooks', k.admin, { id: 'self-1', url: `${t.url}/tickets`, secret: SECRET });
    expect(own.status).toBe(400);
    expect(own.text).toMatch(/url: .*itself/);
    const port = new URL(t.url).port;
    expect((await post('/webhooks', k.admin, { id: 'self-2', url: `http://localhost:${port}/x`, secret: SECRET })).status).toBe(400);
  });
});

describe('delivery', () => {
  it('when a ticket is filed, the receiver gets it signed, with the event id, ticket context and no anonymous reporter', async () => {
    const json = await receiver();
    const wecom = await receiver();
    await register('signed-json', json.url);
    await register('signed-wecom', wecom.url, { format: 'wecom' });
    const filed = await file({ anonymous: true });
    const [got] = await eventually(() => {
      const hit = json.accepted.filter((r) => r.json?.ticket?.id === filed.id);
      expect(hit).toHaveLength(1);
      return hit;
    });
    expect(verifies(SECRET, got)).toBe(true);
    expect(verifies('another-secret-of-16+', got)).toBe(false);
    expect(got.eventId).toBe(`ticket-${filed.id}@1`);
    expect(got.json).toMatchObject({
      id: got.eventId,
      type: 'TicketFiled',
      position: filed.position,
      ticket: { id: filed.id, communityId: 'qianpu', communityName: '前埔一里西小区', title: '3号楼电梯停运', status: 'open' },
      summary: '【新报事】前埔一里西小区 · 3号楼电梯停运',
    });
    expect(got.body).not.toContain('res-a');
    const robot = await eventually(() => {
      const hit = wecom.accepted.find((r) => r.eventId === got.eventId);
      expect(hit).toBeDefined();
      return hit!;
    });
    expect(robot.json).toEqual({ msgtype: 'text', text: { content: '【新报事】前埔一里西小区 · 3号楼电梯停运' } });
    expect(verifies(SECRET, robot)).toBe(true);
    await remove('signed-json');
    await remove('signed-wecom');
  });

  it('when a receiver fails on purpose 3 times, it then gets the event with the same id, and the log says so', async () => {
    const flaky = await receiver((n) => (n < 3 ? 500 : 200));
    await register('flaky', flaky.url);
    const filed = await file();
    await eventually(() => expect(flaky.accepted).toHaveLength(1));
    expect(flaky.requests.map((r) => r.eventId)).toEqual(Array(4).fill(`ticket-${filed.id}@1`));
    const log = await eventually(async () => {
      const r = await get('/webhooks/flaky/deliveries');
      expect(r.body.items[0]).toMatchObject({ status: 'delivered' });
      return r.body.items;
    });
    expect(log).toEqual([
      expect.objectContaining({
        eventId: `ticket-${filed.id}@1`,
        eventType: 'TicketFiled',
        ticketId: filed.id,
        attempts: 4,
        lastStatus: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
      }),
    ]);
    await remove('flaky');
  });

  it('when a receiver is down for a while, it gets everything once it is back, in order per ticket', async () => {
    let down = true;
    const back = await receiver(() => (down ? 503 : 200));
    await register('down', back.url);
    const tickets = [];
    for (let i = 0; i < 3; i++) {
      const filed = await file({ title: `停电 ${i}` });
      expect((await post(`/tickets/${filed.id}/acknowledge`, k.staff, { message: '收到' })).status).toBe(200);
      tickets.push(filed.id);
    }
    await eventually(() => expect(back.requests.length).toBeGreaterThanOrEqual(6));
    expect(back.accepted).toEqual([]);
    down = false;
    const expected = tickets.flatMap((id) => [`ticket-${id}@1`, `ticket-${id}@2`]);
    await eventually(() => expect(back.accepted.map((r) => r.eventId).sort()).toEqual([...expected].sort()));
    for (const id of tickets) {
      const order = back.accepted.filter((r) => r.json.ticket.id === id).map((r) => r.json.type);
      expect(order).toEqual(['TicketFiled', 'TicketAcknowledged']);
    }
    // While it was down, no later event of a ticket was tried before the earlier one went through.
    for (const id of tickets) {
      const tries = back.requests.filter((r) => r.json.ticket.id === id).map((r) => r.eventId);
      expect(tries.indexOf(`ticket-${id}@2`)).toBeGreaterThan(tries.lastIndexOf(`ticket-${id}@1`));
    }
    await remove('down');
  });

  it('when one receiver is slow, another gets its deliveries meanwhile', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const slow = await receiver(async () => {
      await released;
      return 200;
    });
    const quick = await receiver();
    await register('slow', slow.url);
    await register('quick', quick.url);
    const filed = [await file({ title: '慢 1' }), await file({ title: '慢 2' }), await file({ title: '慢 3' })];
    const ids = filed.map((f) => `ticket-${f.id}@1`);
    await eventually(() => expect(quick.accepted.map((r) => r.eventId).sort()).toEqual([...ids].sort()));
    await eventually(() => expect(slow.requests.length).toBeGreaterThan(0));
    expect(slow.accepted).toEqual([]);
    release();
    await eventually(() => expect(slow.accepted.map((r) => r.eventId).sort()).toEqual([...ids].sort()));
    await remove('slow');
    await remove('quick');
  });

  it('when a receiver fails for the whole retry window, the webhook is disabled and its deliveries stop', async () => {
    const dead = await receiver(() => 500);
    await register('dead', dead.url);
    const filed = await file();
    const hook = await eventually(async () => {
      const r = await get('/webhooks');
      const one = r.body.items.find((w: { id: string }) => w.id === 'dead');
      expect(one.status).toBe('disabled');
      return one;
    }, 20_000);
    expect(hook.disabledReason).toContain('HTTP 500');
    const log = (await get('/webhooks/dead/deliveries')).body.items;
    expect(log[0]).toMatchObject({ eventId: `ticket-${filed.id}@1`, status: 'failed', lastStatus: 500, lastError: 'HTTP 500' });
    expect(log[0].attempts).toBeGreaterThan(3);
    // Filed after the disabling: the projection has read it, and queued nothing for this webhook.
    const later = await file({ title: '停用之后' });
    const after = await get(`/webhooks/dead/deliveries?minPosition=${later.position}`);
    expect(after.body.items.map((d: { ticketId: string }) => d.ticketId)).not.toContain(later.id);
  });

  it('when the deliveries of an unknown webhook are asked for, they are not found', async () =>
    expect((await get('/webhooks/no-such-hook/deliveries')).status).toBe(404));
});
