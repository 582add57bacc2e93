import { randomBytes } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { connectOrFail, MACHINE_NATS, messagesOf } from '../apps/api/src/nats/testing/nats-server';
import { EVENT_ID } from '../apps/api/src/telemetry/spans';
import { startTelemetry, type Telemetry } from '../apps/api/src/telemetry/telemetry';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { eventually, WebhookReceiver } from './support/webhook-receiver';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

const exporter = new InMemorySpanExporter();
const tag = randomBytes(4).toString('hex');
const nats = { NATS_URL: MACHINE_NATS, NATS_STREAM: `JLT_${tag}`, NATS_SUBJECT_PREFIX: `jlt.${tag}.events` };
let telemetry: Telemetry | null;
let t: TestApp;
let k: Tokens;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // Before the app: the service decides at start-up whether to wrap its store and engine in spans.
  telemetry = startTelemetry({ otlpEndpoint: null, exporter });
  t = await startTestApp('telemetry', { ...nats, WEBHOOK_POLL_MS: '50' });
  k = await tokensFor(t);
  await seedWorld(t, k);
  receiver = await WebhookReceiver.start();
  const hook = await http(t.url, 'POST', '/webhooks', {
    token: k.admin,
    body: { id: 'traced', url: receiver.url, secret: 'a-secret-of-16-chars-or-more', events: ['TicketFiled'] },
  });
  expect(hook.status).toBe(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
  await telemetry?.shutdown();
  const { nc, jsm } = await connectOrFail(MACHINE_NATS);
  await jsm.streams.delete(nats.NATS_STREAM).catch(() => false);
  await nc.close();
});

const spanId = (s: ReadableSpan) => s.spanContext().spanId;
const traceId = (s: ReadableSpan) => s.spanContext().traceId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('OpenTelemetry (in-memory exporter)', () => {
  it('one trace runs from POST /tickets through the append to each projection apply, the NATS publish and the webhook delivery, each naming the event', async () => {
    exporter.reset();
    const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
    expect(filed.status).toBe(201);
    const id = `ticket-${filed.body.id}@1`;
    const engine = t.app.get<ProjectionEngine>(PROJECTION_ENGINE);
    expect(await engine.waitFor(Number(filed.headers.get('jinlin-position')), 10_000)).toBe(true);

    const spans = () => exporter.getFinishedSpans();
    const request = spans().find((s) => s.name === 'POST /tickets');
    expect(request).toBeDefined();
    const trace = spans().filter((s) => traceId(s) === traceId(request!));
    const append = trace.find((s) => s.name === 'eventstore.append');
    expect(append).toMatchObject({ attributes: expect.objectContaining({ [EVENT_ID]: id }) });
    expect(parentOf(append!)).toBe(spanId(request!));

    const applies = trace.filter((s) => s.name.startsWith('projection.apply ') && s.attributes[EVENT_ID] === id);
    expect(applies.map((s) => s.attributes['jinlin.projection'])).toEqual(expect.arrayContaining(['tickets', 'nats-publisher']));
    for (const apply of applies) expect(parentOf(apply)).toBe(spanId(append!));

    const publish = trace.find((s) => s.name === 'nats.publish' && s.attributes[EVENT_ID] === id);
    expect(publish).toMatchObject({
      attributes: expect.objectContaining({ 'messaging.destination.name': `jlt.${tag}.events.qianpu.TicketFiled` }),
    });
    expect(parentOf(publish!)).toBe(spanId(append!));

    // The webhook's delivery, made later by the sender from its queue, continues the same trace.
    await eventually(() => expect(receiver.accepted.map((r) => r.eventId)).toContain(id));
    const delivery = await eventually(() => {
      const found = spans().find((s) => s.name === 'webhook.deliver' && s.attributes[EVENT_ID] === id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(traceId(delivery)).toBe(traceId(request!));
    expect(parentOf(delivery)).toBe(spanId(append!));
    expect(delivery.attributes).toMatchObject({
      'jinlin.webhook.id': 'traced',
      'jinlin.webhook.delivered': true,
      'http.response.status_code': 200,
    });

    // The trace travels with the event: in its metadata, and on to NATS.
    const [row] = await sql(t, `SELECT metadata->>'traceparent' AS tp FROM es_events WHERE stream_id = $1`, [`ticket-${filed.body.id}`]);
    expect(row.tp).toBe(`00-${traceId(request!)}-${spanId(append!)}-01`);
    const { nc, jsm } = await connectOrFail(MACHINE_NATS);
    try {
      const message = (await messagesOf(jsm, nats.NATS_STREAM)).find((m) => m.msgId === id);
      expect(message?.body).toMatchObject({ id, metadata: { traceparent: row.tp } });
    } finally {
      await nc.close();
    }
  });
});
