import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { eventId, PostgresEventStore, type AnyEvent, type NewEvent } from '@jinlin/event-store';
import { ProjectionEngine, saveCheckpoint } from '@jinlin/projections';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import type { NatsConfig } from '../config/app-config';
import { migrate } from '../infrastructure/migrate';
import { NatsPublisher } from './nats-publisher';
import { connectOrFail, MACHINE_NATS, messagesOf, OwnNatsServer } from './testing/nats-server';

let db: TestDatabase;
let ds: DataSource;
let store: PostgresEventStore;
let nc: NatsConnection;
let jsm: JetStreamManager;
const streams: string[] = [];
const running: { engine: ProjectionEngine; publisher: NatsPublisher }[] = [];

/** A stream and subject prefix of this test's own, so suites never see each other's messages nor a real JINLIN_EVENTS. */
function testNats(url = MACHINE_NATS): NatsConfig {
  const tag = randomBytes(4).toString('hex');
  streams.push(`JLT_${tag}`);
  return { url, stream: `JLT_${tag}`, subjectPrefix: `jlt.${tag}.events`, duplicateWindowMs: 600_000, ackTimeoutMs: 1000 };
}

function start(config: NatsConfig): { engine: ProjectionEngine; publisher: NatsPublisher } {
  const publisher = new NatsPublisher(config, store);
  const engine = new ProjectionEngine([publisher], store, ds, { batchSize: 20, pollMs: 20, lockRetryMs: 100 });
  engine.start();
  running.push({ engine, publisher });
  return { engine, publisher };
}

async function stop(run: { engine: ProjectionEngine; publisher: NatsPublisher }): Promise<void> {
  await run.engine.stop();
  await run.publisher.onApplicationShutdown();
  running.splice(running.indexOf(run), 1);
}

async function caughtUp(engine: ProjectionEngine, timeoutMs = 20_000): Promise<void> {
  const head = await store.head();
  if (!(await engine.waitFor(head.position, timeoutMs))) throw new Error(`the publisher did not reach position ${head.position}`);
}

const append = (streamId: string, ...events: NewEvent<AnyEvent>[]) => store.appendToStream(streamId, events, { expected: 'any' });
const event = (type: string, data: Record<string, unknown>): NewEvent<AnyEvent> => ({ type, data, metadata: { correlationId: 'c-1' } });

beforeAll(async () => {
  ({ nc, jsm } = await connectOrFail(MACHINE_NATS));
  db = await createTestDatabase('nats');
  await migrate(db.url);
  ds = new DataSource({ type: 'postgres', url: db.url });
  await ds.initialize();
  store = new PostgresEventStore({ connectionString: db.url });
});

afterEach(async () => {
  for (const run of [...running]) await stop(run);
  await ds.query(`DELETE FROM projection_checkpoints`);
});

afterAll(async () => {
  for (const name of streams) await jsm?.streams.delete(name).catch(() => false);
  await nc?.close();
  await store?.close();
  await ds?.destroy();
  await db?.drop();
});

describe('NATS publisher (JetStream on 127.0.0.1:4222)', () => {
  it('creates the stream when absent and publishes every event at <prefix>.<community>.<type>, Nats-Msg-Id = the event id', async () => {
    const config = testNats();
    // Filed before the publisher ever ran, so its later event must find the community in the log.
    await append('ticket-t0', event('TicketFiled', { ticketId: 't0', communityId: 'qianpu' }));
    const first = start(config);
    await caughtUp(first.engine);
    await stop(first);

    const second = start(config);
    await append('ticket-t0', event('TicketAssigned', { ticketId: 't0', assigneeId: 'staff-1' }));
    await append(
      'ticket-t1',
      event('TicketFiled', { ticketId: 't1', communityId: 'lianhua' }),
      event('TicketAcknowledged', { ticketId: 't1' }),
    );
    await append('community-lianhua', event('SlaPolicySet', { category: 'lift' }));
    await append('handover-lianhua-h1', event('HandoverStarted', { handoverId: 'lianhua-h1', communityId: 'lianhua' }));
    await append('handover-lianhua-h1', event('HandoverCancelled', { handoverId: 'lianhua-h1' }));
    await append('person-p1', event('PersonRegistered', { personId: 'p1', roles: ['resident'], communities: ['qianpu'] }));
    await caughtUp(second.engine);

    const prefix = config.subjectPrefix;
    const messages = await messagesOf(jsm, config.stream);
    expect(messages.map((m) => [m.subject, m.msgId])).toEqual([
      [`${prefix}.qianpu.TicketFiled`, 'ticket-t0@1'],
      [`${prefix}.qianpu.TicketAssigned`, 'ticket-t0@2'],
      [`${prefix}.lianhua.TicketFiled`, 'ticket-t1@1'],
      [`${prefix}.lianhua.TicketAcknowledged`, 'ticket-t1@2'],
      [`${prefix}.lianhua.SlaPolicySet`, 'community-lianhua@1'],
      [`${prefix}.lianhua.HandoverStarted`, 'handover-lianhua-h1@1'],
      [`${prefix}.lianhua.HandoverCancelled`, 'handover-lianhua-h1@2'],
      [`${prefix}._.PersonRegistered`, 'person-p1@1'],
    ]);
    const stored = (await store.readStream('ticket-t1'))[1];
    expect(messages[3].body).toEqual({
      id: 'ticket-t1@2',
      type: 'TicketAcknowledged',
      streamId: 'ticket-t1',
      streamVersion: 2,
      globalPosition: stored.globalPosition,
      schemaVersion: stored.schemaVersion,
      recordedAt: stored.recordedAt.toISOString(),
      hash: stored.hash,
      data: { ticketId: 't1' },
      metadata: { correlationId: 'c-1' },
    });
    expect((await jsm.streams.info(config.stream)).config.subjects).toEqual([`${prefix}.>`]);
  });

  it('an anonymous ticket goes out with its reporter masked as the company sees it, in every event naming them, ids unchanged', async () => {
    const config = testNats();
    const reporter = { id: 'res-anon', roles: ['resident'] };
    const as = (actor: { id: string; roles: string[] }, type: string, data: Record<string, unknown>): NewEvent<AnyEvent> => ({
      type,
      data,
      metadata: { correlationId: 'c-anon', actor },
    });
    const staff = { id: 'staff-1', roles: ['staff'] };
    await append(
      'ticket-a1',
      as(reporter, 'TicketFiled', { ticketId: 'a1', communityId: 'qianpu', reporterId: reporter.id, by: reporter, anonymous: true }),
      as(staff, 'TicketAssigned', { ticketId: 'a1', assigneeId: 'staff-1', by: staff }),
    );
    // Not anonymous, but its duplicate was: that reporter, now a supporter, is masked there too.
    await append(
      'ticket-o1',
      as(reporter, 'TicketFiled', {
        ticketId: 'o1',
        communityId: 'qianpu',
        reporterId: 'res-open',
        by: { id: 'res-open', roles: ['resident'] },
      }),
      as(staff, 'TicketDuplicateMerged', {
        ticketId: 'o1',
        duplicateId: 'a9',
        supporterId: 'res-dup',
        supporterAnonymous: true,
        by: staff,
      }),
    );
    const first = start(config);
    await caughtUp(first.engine);
    await stop(first);
    // A fresh publisher knows nothing of a1: it reads the stream back to learn it is anonymous.
    const second = start(config);
    await append(
      'ticket-a1',
      as(reporter, 'TicketCommented', { ticketId: 'a1', body: 'still broken', by: reporter }),
      as({ id: 'res-2', roles: ['resident'] }, 'TicketSupported', { ticketId: 'a1', by: { id: 'res-2', roles: ['resident'] } }),
    );
    await caughtUp(second.engine);

    // The earlier tests' events are in the log too; these two tickets are this test's.
    const messages = (await messagesOf(jsm, config.stream)).filter((m) => /^ticket-(a1|o1)@/.test(m.msgId ?? ''));
    const body = (msgId: string) => messages.find((m) => m.msgId === msgId)!.body;
    expect(messages.map((m) => m.msgId)).toEqual([
      'ticket-a1@1',
      'ticket-a1@2',
      'ticket-o1@1',
      'ticket-o1@2',
      'ticket-a1@3',
      'ticket-a1@4',
    ]);
    for (const m of messages.filter((m) => m.msgId?.startsWith('ticket-a1'))) expect(JSON.stringify(m.body)).not.toMatch(/res-anon|res-2/);
    const anonymousActor = { id: null, name: '匿名居民', roles: ['resident'] };
    const filed = body('ticket-a1@1');
    expect(filed).toMatchObject({ id: 'ticket-a1@1', type: 'TicketFiled', streamVersion: 1, redacted: true });
    expect(filed.hash).toBeUndefined();
    expect(filed.data).toEqual({ ticketId: 'a1', communityId: 'qianpu', reporterId: null, by: anonymousActor, anonymous: true });
    expect(filed.metadata).toEqual({ correlationId: 'c-anon', actor: anonymousActor });
    expect(body('ticket-a1@3').data).toEqual({ ticketId: 'a1', body: 'still broken', by: anonymousActor });
    // A staff event names nobody hidden, yet it is of an anonymous ticket: the same rule, no hash.
    expect(body('ticket-a1@2')).toMatchObject({ data: { assigneeId: 'staff-1', by: staff }, metadata: { actor: staff }, redacted: true });
    const stored = await store.readStream('ticket-o1');
    expect(body('ticket-o1@1')).toMatchObject({ hash: stored[0].hash, data: { reporterId: 'res-open' } });
    expect(body('ticket-o1@1').redacted).toBeUndefined();
    expect(body('ticket-o1@2')).toMatchObject({ data: { supporterId: null, supporterAnonymous: true }, redacted: true });
  });

  it('a replay from the first event (checkpoint reset) is sent again and JetStream drops every repeat by its Nats-Msg-Id', async () => {
    const config = testNats();
    for (let i = 0; i < 30; i++) await append(`ticket-r${i}`, event('TicketFiled', { ticketId: `r${i}`, communityId: 'qianpu' }));
    const first = start(config);
    await caughtUp(first.engine);
    await stop(first);
    const before = await messagesOf(jsm, config.stream);

    await saveCheckpoint(ds.manager, 'nats-publisher', { checkpoint: null, position: 0 });
    const replay = start(config);
    await caughtUp(replay.engine);

    expect(replay.publisher.acks).toEqual({ stored: 0, duplicates: before.length });
    expect(await messagesOf(jsm, config.stream)).toEqual(before);
  });

  it('with NATS down the checkpoint waits; after a restart mid-stream every event is in the stream exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-nats-'));
    const server = new OwnNatsServer(14_000 + Math.floor(Math.random() * 1000), dir);
    try {
      await server.start();
      const config = testNats(server.url);
      const { engine } = start(config);
      const expected: string[] = [];
      let stopAppending = false;
      const appends = (async () => {
        for (let i = 0; !stopAppending || i < 60; i++) {
          await append(
            `ticket-n${i}`,
            event('TicketFiled', { ticketId: `n${i}`, communityId: 'qianpu' }),
            event('TicketCommented', { ticketId: `n${i}` }),
          );
          expected.push(`ticket-n${i}@1`, `ticket-n${i}@2`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await until(async () => (await engine.status())[0].position > 0);
      await server.stop();
      // Appends go on while NATS is down; the publisher keeps failing and retrying its page.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stalled = (await engine.status())[0];
      expect(stalled.lagEvents).toBeGreaterThan(0);
      await server.start();
      stopAppending = true;
      await appends;
      await caughtUp(engine, 60_000);

      const own = await connectOrFail(server.url);
      try {
        // The earlier tests' events are in the log too: this fresh stream gets them once as well.
        const all = (await messagesOf(own.jsm, config.stream)).map((m) => m.msgId);
        expect(new Set(all).size).toBe(all.length);
        const ids = all.filter((id) => id?.startsWith('ticket-n'));
        expect([...ids].sort()).toEqual([...expected].sort());
        const log = await store.readAll({ limit: 100_000 });
        expect(all).toHaveLength(log.events.length);
        expect(new Set(ids)).toEqual(new Set(log.events.filter((e) => e.streamId.startsWith('ticket-n')).map(eventId)));
      } finally {
        await own.nc.close();
      }
    } finally {
      for (const run of [...running]) await stop(run);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
