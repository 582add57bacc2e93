import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMinutes, ticketDecider, ticketStream, type Community, type Principal, type TicketCommand } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createLogger } from '../apps/api/src/infrastructure/logger';
import { migrate } from '../apps/api/src/infrastructure/migrate';
import { systemClock } from '../apps/api/src/sla/sla-clock';
import { SlaTimer, type TickReport } from '../apps/api/src/sla/sla-timer';
import { benchDatabase, fmt, machine, percentile, recordSection } from './bench-support';

/**
 * The SLA timer's cost per tick (SPEC §4.9, issue 17: "well under a second" per 10k open tickets).
 * 10k open lift tickets (120 / 1440 minutes, warnings at 80 %, the ladder at 0, 1 and 3 days) are
 * filed through the store's real append path and projected; the timer then ticks at chosen
 * instants: before anything is due, and where exactly N warnings, breaches or ladder steps fall
 * due. Each population of N is filed 10 days from the next, and an unmeasured tick a millisecond
 * before each measured one records whatever else had come due, so a measured tick sees its N only.
 */
const OPEN = Number(process.env.BENCH_TIMER_OPEN ?? 10_000);
const SIZES = (process.env.BENCH_TIMER_DUE ?? '100,1000').split(',').map(Number);
const IDLE_TICKS = Number(process.env.BENCH_TIMER_IDLE_TICKS ?? 50);
/** Commands in flight per tick; the service's timer uses its default (8). */
const PARALLEL = process.env.BENCH_TIMER_PARALLEL ? Number(process.env.BENCH_TIMER_PARALLEL) : undefined;
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const BASE = '2027-03-01T00:00:00.000Z';
const DAY = 24 * 60;

const resident: Principal = { id: 'res-bench', roles: ['resident'], communities: ['qianpu'] };
const community: Community = { exists: true, id: 'qianpu', name: '前埔一里西小区', propertyCompanyId: 'jiayuan', slaPolicies: {} };

/** What falls due, minutes after filing, for the lift's default policy. */
const KINDS = [
  { kind: 'warnings', minutes: 96, events: 'TicketSlaWarning (acknowledge)' },
  { kind: 'breaches', minutes: 120, events: 'TicketSlaBreached (acknowledge)' },
  { kind: 'escalations', minutes: 2 * DAY, events: 'TicketEscalated to party_branch, by system' },
] as const;

type Population = Readonly<{ label: string; events: string; size: number; filedAt: string; dueAt: string }>;

async function startService(url: string): Promise<NestFastifyApplication> {
  const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET, PORT: '0', LOG_LEVEL: 'warn', TIMERS_RUN: 'false' });
  const app = await createApp({
    config,
    databaseUrl: url,
    jwt: { secret: SECRET, jwksUrl: null, localOnly: false },
    logger: createLogger('warn'),
  });
  await app.init();
  return app;
}

/** `count` tickets filed at `filedAt` through appendToStream (version check, hash chain, group commit), 16 at a time. */
async function file(store: EventStore, count: number, filedAt: string): Promise<number> {
  let last = 0;
  let next = 0;
  const one = async () => {
    const ticketId = randomUUID();
    const data = {
      ticketId,
      communityId: 'qianpu',
      category: 'elevator',
      title: '3号楼电梯停运',
      description: '电梯不动了',
      location: null,
      channel: 'app',
      community,
    };
    const command = { type: 'FileTicket', data, metadata: { actor: resident, now: filedAt } } as TicketCommand;
    const events = ticketDecider.decide(command, ticketDecider.initialState());
    const metadata = { actor: { id: resident.id, roles: resident.roles }, correlationId: `bench-${ticketId}` };
    const appended = await store.appendToStream(
      ticketStream(ticketId),
      events.map((e) => ({ ...e, metadata })),
      { expected: 'no_stream' },
    );
    last = Math.max(last, appended.lastPosition);
  };
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
  return last;
}

async function timed(timer: SlaTimer, at: string): Promise<{ ms: number; report: TickReport }> {
  const started = performance.now();
  const report = await timer.tick(new Date(at));
  return { ms: performance.now() - started, report };
}

async function main(): Promise<void> {
  const db = await benchDatabase('timer');
  await migrate(db.url);
  const app = await startService(db.url);
  const store = app.get<EventStore>(EVENT_STORE);
  const engine = app.get<ProjectionEngine>(PROJECTION_ENGINE);
  const timer = PARALLEL
    ? new SlaTimer(app.get(CommandBus), app.get(DataSource), systemClock, { run: false, intervalMs: 60_000, parallel: PARALLEL })
    : app.get(SlaTimer);
  const caughtUp = async (position: number) => {
    if (!(await engine.waitFor(position, 600_000))) throw new Error('projections did not catch up');
  };
  try {
    const populations: Population[] = [];
    let day = 0;
    for (const k of KINDS)
      for (const size of SIZES) {
        const filedAt = addMinutes(BASE, day++ * 10 * DAY);
        populations.push({ label: `${fmt(size)} ${k.kind} due`, events: k.events, size, filedAt, dueAt: addMinutes(filedAt, k.minutes) });
      }
    const due = populations.reduce((n, p) => n + p.size, 0);
    if (due > OPEN) throw new Error(`BENCH_TIMER_OPEN (${OPEN}) must be at least the ${due} tickets that fall due`);
    const seeded = Date.now();
    let head = 0;
    for (const p of populations) head = Math.max(head, await file(store, p.size, p.filedAt));
    head = Math.max(head, await file(store, OPEN - due, addMinutes(BASE, 365 * DAY)));
    process.stdout.write(`filed ${fmt(OPEN)} open tickets in ${((Date.now() - seeded) / 1000).toFixed(1)} s; `);
    await caughtUp(head);
    process.stdout.write(`projected after ${((Date.now() - seeded) / 1000).toFixed(1)} s\n`);

    const idle = async (at: string) => {
      await timed(timer, at); // warm-up
      const times: number[] = [];
      for (let i = 0; i < IDLE_TICKS; i++) {
        const { ms, report } = await timed(timer, at);
        if (report.due !== 0) throw new Error(`expected nothing due at ${at}, found ${report.due}`);
        times.push(ms);
      }
      return times.sort((x, y) => x - y);
    };
    const rows: string[][] = [];
    const idleRow = (label: string, times: number[]) =>
      rows.push([label, '0', '0', `${percentile(times, 50).toFixed(2)} (p99 ${percentile(times, 99).toFixed(2)})`, '']);
    idleRow(`nothing due, before any deadline (median of ${IDLE_TICKS} ticks)`, await idle(addMinutes(BASE, -DAY)));

    for (const p of populations) {
      const before = new Date(Date.parse(p.dueAt) - 1).toISOString();
      const flushed = await timer.tick(new Date(before));
      await caughtUp(flushed.lastPosition);
      const { ms, report } = await timed(timer, p.dueAt);
      if (report.due !== p.size || report.recorded !== p.size || report.failed) throw new Error(`${p.label}: ${JSON.stringify(report)}`);
      await caughtUp(report.lastPosition);
      rows.push([`${p.label}: ${p.events}`, fmt(report.due), fmt(report.recorded), ms.toFixed(0), (ms / p.size).toFixed(2)]);
      process.stdout.write(`${p.label}: ${ms.toFixed(0)} ms\n`);
    }
    const last = populations.at(-1)!;
    idleRow('nothing due, after every population above had breached and climbed', await idle(addMinutes(last.dueAt, 1)));

    const table = [
      `| tick over ${fmt(OPEN)} open tickets | due | recorded | ms per tick | ms per due ticket |`,
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    const idleMs = Number(rows[0][3].split(' ')[0]);
    const summary = `Target: a tick with nothing due well under a second per 10k open tickets: ${idleMs.toFixed(2)} ms (${(idleMs * (10_000 / OPEN)).toFixed(2)} ms per 10k). A due ticket costs one command: read its stream, fold, decide, append (${PARALLEL ?? 8} at a time, pages of 200).`;
    process.stdout.write(`\n${table}\n\n${summary}\n`);
    recordSection(
      'timer',
      `## SLA timer (\`npm run bench:timer\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; the service in-process (LOG_LEVEL=warn), ${fmt(OPEN)} open lift tickets filed through appendToStream and projected, the timer's tick(now) timed at chosen instants.\n\n${table}\n\n${summary}`,
    );
  } finally {
    await app.close();
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}
