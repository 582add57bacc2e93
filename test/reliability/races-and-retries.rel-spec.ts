import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceProcess } from '@jinlin/testing';
import { http, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from '../support/world';

let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('races');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

async function countEvents(type: string, streams: string[]): Promise<number> {
  const sql = new Client({ connectionString: t.db.url });
  await sql.connect();
  try {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM es_events WHERE type = $1 AND stream_id = ANY($2)`, [type, streams]);
    return rows[0].n;
  } finally {
    await sql.end();
  }
}

async function inBatches<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

it('when 20 commands race with the same If-Match, exactly one succeeds', async () => {
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      http(t.url, 'POST', `/tickets/${filed.body.id}/acknowledge`, {
        token: k.staff,
        body: { message: '收到' },
        headers: { 'if-match': '"1"' },
      }),
    ),
  );
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status === 412)).toHaveLength(19);
});

it('when 100 comments arrive at once without If-Match, all 100 are stored', async () => {
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      http(t.url, 'POST', `/tickets/${filed.body.id}/comments`, { token: i % 2 ? k.staff : k.committee, body: { text: `#${i}` } }),
    ),
  );
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect(await countEvents('TicketCommented', [`ticket-${filed.body.id}`])).toBe(100);
});

it('when 1,000 commands are each sent twice with the same Idempotency-Key, interleaved and concurrent, exactly 1,000 events result', async () => {
  const tickets: string[] = [];
  for (let i = 0; i < 10; i++) tickets.push((await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() })).body.id);
  const sends = Array.from(
    { length: 1000 },
    (_, i) => () =>
      http(t.url, 'POST', `/tickets/${tickets[i % 10]}/comments`, {
        token: k.staff,
        body: { text: `重试 ${i}` },
        headers: { 'idempotency-key': `retry-${i}` },
      }),
  );
  // Each command twice, the copies far apart and shuffled among the others.
  const doubled = [...sends, ...sends].map((send, i) => ({ send, order: (i * 7919) % 2000 })).sort((a, b) => a.order - b.order);
  const results = await inBatches(
    doubled.map((d) => d.send),
    32,
  );
  expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
  expect(
    await countEvents(
      'TicketCommented',
      tickets.map((id) => `ticket-${id}`),
    ),
  ).toBe(1000);
}, 120_000);

it('when two service processes get the same command with the same Idempotency-Key and If-Match at once, both answer the first result', async () => {
  // Inside one process commands on a ticket take turns; two processes really race at the store.
  const services = await Promise.all([ServiceProcess.start(t.db.url, TEST_JWT_SECRET), ServiceProcess.start(t.db.url, TEST_JWT_SECRET)]);
  try {
    const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
    let version = 1;
    for (let round = 0; round < 30; round++) {
      const headers = { 'idempotency-key': randomUUID(), 'if-match': `"${version}"` };
      const answers = await Promise.all(
        services.map((s) =>
          http(s.url, 'POST', `/tickets/${filed.body.id}/comments`, { token: k.staff, body: { text: `第${round}轮` }, headers }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[1].body).toEqual(answers[0].body);
      version = answers[0].body.version;
    }
    expect(await countEvents('TicketCommented', [`ticket-${filed.body.id}`])).toBe(30);
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
});
