import { signToken } from '../../apps/api/src/infrastructure/jwt-secret';
import { http, TEST_JWT_SECRET } from '../support/test-app';
import { USERS } from '../support/world';
import { seedQianpu } from './seed';
import { fileUnderLoad, missingFrom, type Filing } from './load';
import { createTestDatabase, ServiceProcess, type TestDatabase } from '@jinlin/testing';

const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 5);

let db: TestDatabase;
let service: ServiceProcess;
let admin: string;
let resident: string;

beforeAll(async () => {
  db = await createTestDatabase('crash');
  service = await ServiceProcess.start(db.url, TEST_JWT_SECRET);
  admin = await signToken(TEST_JWT_SECRET, USERS.admin);
  resident = await signToken(TEST_JWT_SECRET, USERS.residentA);
  await seedQianpu(service.url, admin);
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

it(`when the service is SIGKILLed under load from 16 clients ${ROUNDS} times, every acknowledged filing survives and is listed`, async () => {
  const acknowledged: Filing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const load = fileUnderLoad(service.url, resident, 16);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
    await service.kill();
    await load.stop();
    acknowledged.push(...load.acknowledged);
    await service.restart();
  }
  expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10);
  expect(new Set(acknowledged.map((f) => f.id)).size).toBe(acknowledged.length);
  expect(await missingFrom(service.url, admin, acknowledged)).toEqual([]);
  const sample = acknowledged[Math.floor(acknowledged.length / 2)];
  expect((await http(service.url, 'GET', `/tickets/${sample.id}`, { token: resident })).status).toBe(200);
}, 300_000);
