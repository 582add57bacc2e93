import { connect } from 'node:net';
import { createTestDatabase, ServiceProcess, type TestDatabase } from '@jinlin/testing';
import { migrate } from '../apps/api/src/infrastructure/migrate';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { TEST_JWT_SECRET } from './support/test-app';

/**
 * What the service writes to its log, read from a real process: an aborted body is an info line,
 * credentials in a URL never reach a line, and a clean SIGTERM stops with one line and no error.
 */
let db: TestDatabase;
let service: ServiceProcess;
beforeAll(async () => {
  db = await createTestDatabase('service_logs');
  await migrate(db.url);
  service = await ServiceProcess.start(db.url, TEST_JWT_SECRET, { LOG_LEVEL: 'info', TIMERS_RUN: 'false' });
}, 60_000);
afterAll(async () => {
  await service.stop();
  await db.drop();
});

const lines = () =>
  service.output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string } & Record<string, unknown>);

function abortedBody(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":1,');
      setTimeout(() => socket.destroy(), 200);
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

it('when clients abort their bodies, each is an info line, not an error with a stack', async () => {
  const port = Number(new URL(service.url).port);
  for (let i = 0; i < 5; i++) await abortedBody(port);
  await new Promise((r) => setTimeout(r, 300));
  const aborted = lines().filter((l) => /before its body arrived/.test(l.msg));
  expect(aborted).toHaveLength(5);
  expect(aborted.every((l) => l.level === 30)).toBe(true);
  expect(lines().filter((l) => l.level >= 50)).toEqual([]);
});

it('when a request carries a token in its query string and fails, no log line holds the token', async () => {
  const token = await signToken(TEST_JWT_SECRET, { sub: 'admin-1', roles: ['admin'] });
  await fetch(`${service.url}/no-such-route?api_key=${token}&password=hunter2`);
  await fetch(`${service.url}/tickets/not-a-uuid?api_key=${token}`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise((r) => setTimeout(r, 200));
  expect(service.output).not.toContain(token);
  expect(service.output).not.toContain('hunter2');
});

it('when stopped with SIGTERM, it logs one line and no error', async () => {
  const before = lines().length;
  await service.stop();
  const after = lines().slice(before);
  expect(after.filter((l) => l.level >= 50)).toEqual([]);
  expect(after.map((l) => l.msg)).toEqual(['jinlin stopped']);
});
