import { signToken } from '../../apps/api/src/infrastructure/jwt-secret';
import { eventually, verifies, WebhookReceiver } from '../support/webhook-receiver';
import { http, TEST_JWT_SECRET } from '../support/test-app';
import { USERS } from '../support/world';
import { seedQianpu } from './seed';
import { fileUnderLoad, type Filing } from './load';
import { createTestDatabase, ServiceProcess, type TestDatabase } from '@jinlin/testing';

const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 3);
const SECRET = 'reliability-secret-0123456789';

let db: TestDatabase;
let service: ServiceProcess;
let receiver: WebhookReceiver;
let admin: string;
let resident: string;

beforeAll(async () => {
  db = await createTestDatabase('webhook_crash');
  service = await ServiceProcess.start(db.url, TEST_JWT_SECRET, { LOG_LEVEL: 'warn', WEBHOOK_POLL_MS: '50' });
  receiver = await WebhookReceiver.start();
  admin = await signToken(TEST_JWT_SECRET, USERS.admin);
  resident = await signToken(TEST_JWT_SECRET, USERS.residentA);
  await seedQianpu(service.url, admin);
  const hook = { id: 'crash-hook', url: receiver.url, secret: SECRET, events: ['TicketFiled'] };
  expect((await http(service.url, 'POST', '/webhooks', { token: admin, body: hook })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await db?.drop();
});

it(`when the service is SIGKILLed under filing load ${ROUNDS} times, every acknowledged filing is delivered, repeats with equal ids`, async () => {
  const acknowledged: Filing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const load = fileUnderLoad(service.url, resident, 16);
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
    await service.kill();
    await load.stop();
    acknowledged.push(...load.acknowledged);
    await service.restart();
  }
  expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10);
  const expected = new Set(acknowledged.map((f) => `ticket-${f.id}@1`));
  await eventually(() => {
    const delivered = new Set(receiver.accepted.map((r) => r.eventId));
    expect([...expected].filter((id) => !delivered.has(id))).toEqual([]);
  }, 60_000);
  // Every request, repeat or not, names its ticket's filing by the one id and is signed.
  for (const r of receiver.requests) {
    expect(r.eventId).toBe(`ticket-${r.json.ticket.id}@1`);
    expect(r.json.id).toBe(r.eventId);
    expect(verifies(SECRET, r)).toBe(true);
  }
  const repeats = receiver.accepted.length - new Set(receiver.accepted.map((r) => r.eventId)).size;
  console.log(`${acknowledged.length} filings acknowledged, ${receiver.accepted.length} deliveries accepted, ${repeats} repeats`);
}, 300_000);
