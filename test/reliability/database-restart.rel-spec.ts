import { rmSync } from 'node:fs';
import { signToken } from '../../apps/api/src/infrastructure/jwt-secret';
import { http, TEST_JWT_SECRET } from '../support/test-app';
import { USERS } from '../support/world';
import { seedQianpu } from './seed';
import { fileUnderLoad, missingFrom } from './load';
import { EmbeddedPgProcess, freePort, ServiceProcess } from '@jinlin/testing';

/**
 * PostgreSQL restarts under the running service. The test owns its own embedded server, so it may
 * restart it without disturbing anything else on the machine.
 */
const DATA_DIR = 'data/reliability-pg';
let pg: EmbeddedPgProcess;
let port: number;
let service: ServiceProcess;
let admin: string;
let resident: string;

async function readiness(): Promise<number> {
  try {
    return (await http(service.url, 'GET', '/health/ready')).status;
  } catch {
    return 0; // no answer at all (a dropped connection): neither ready nor unready, so `until` polls again
  }
}

async function until(predicate: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  rmSync(`${DATA_DIR}.password`, { force: true });
  port = await freePort();
  pg = await EmbeddedPgProcess.start(DATA_DIR, port, 'reliability');
  service = await ServiceProcess.start(pg.url, TEST_JWT_SECRET, { PROJECTION_MAX_LAG_MS: '3000' });
  admin = await signToken(TEST_JWT_SECRET, USERS.admin);
  resident = await signToken(TEST_JWT_SECRET, USERS.residentA);
  await seedQianpu(service.url, admin);
}, 90_000);
afterAll(async () => {
  await service?.stop();
  await pg?.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

it('when PostgreSQL restarts under load, readiness drops and returns without restarting the service, and answered writes are all there', async () => {
  expect(await readiness()).toBe(200);
  const load = fileUnderLoad(service.url, resident, 8);
  await new Promise((r) => setTimeout(r, 500));
  await pg.stop();
  expect(await until(async () => (await readiness()) === 503, 10_000)).toBe(true);
  pg = await EmbeddedPgProcess.start(DATA_DIR, port, 'reliability');
  expect(await until(async () => (await readiness()) === 200, 30_000)).toBe(true);
  await new Promise((r) => setTimeout(r, 500));
  await load.stop();
  expect(load.acknowledged.length).toBeGreaterThan(10);
  expect(load.failures()).toBeGreaterThan(0);
  expect(await missingFrom(service.url, admin, load.acknowledged)).toEqual([]);
  expect(service.output).not.toMatch(/"level":60/);
}, 120_000);
