import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { TicketEvent } from '@jinlin/domain';
import type { Checkpoint, StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { SLA_MIGRATIONS } from './index';
import { SlaDeadlinesProjection } from './sla-deadlines.projection';
import { FAR_FUTURE, historyOf, owedByDecider, STEP_WEIGHTS, type Step } from './testing/ticket-histories';

let db: TestDatabase;
let ds: DataSource;
const projection = new SlaDeadlinesProjection();
let position = 0;

beforeAll(async () => {
  db = await createTestDatabase('sla_deadlines');
  ds = new DataSource({ type: 'postgres', url: db.url, migrations: SLA_MIGRATIONS });
  await ds.initialize();
  await ds.runMigrations();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

/** Stored as the log would hand them over: each with the next global position. */
const stored = (events: readonly TicketEvent[]): StoredEvent<TicketEvent>[] =>
  events.map((e, i) => ({
    ...e,
    globalPosition: ++position,
    checkpoint: String(position) as Checkpoint,
    streamId: `ticket-${e.data.ticketId}`,
    streamVersion: i + 1,
    schemaVersion: 1,
    metadata: {},
    recordedAt: new Date(),
    hash: '',
  }));

type Row = { kind: string; due_at: Date; done: boolean };
const rowsOf = async (ticketId: string): Promise<Record<string, { dueAt: string; owed: boolean }>> => {
  const rows: Row[] = await ds.query(`SELECT kind, due_at, done FROM rm_sla_deadlines WHERE ticket_id = $1`, [ticketId]);
  return Object.fromEntries(rows.map((r) => [r.kind, { dueAt: new Date(r.due_at).toISOString(), owed: !r.done }]));
};
const owed = async (ticketId: string) =>
  Object.entries(await rowsOf(ticketId))
    .filter(([, r]) => r.owed)
    .map(([kind]) => kind)
    .sort();

const aStep = fc.oneof(...Object.entries(STEP_WEIGHTS).map(([step, weight]) => ({ arbitrary: fc.constant(step as Step), weight })));

async function project(steps: Step[]) {
  const { ticketId, events } = historyOf(steps);
  await projection.apply(stored(events), ds.manager);
  return { ticketId, events };
}

it('when a ticket is filed, acknowledge and resolve are owed at its own deadlines', async () => {
  const { ticketId, events } = await project([]);
  const filed = events[0].data as { acknowledgeBy: string; resolveBy: string };
  expect(await rowsOf(ticketId)).toEqual({
    acknowledge: { dueAt: filed.acknowledgeBy, owed: true },
    resolve: { dueAt: filed.resolveBy, owed: true },
  });
});

it('when the company comments in public, acknowledge is met; an internal note or a resident comment meets nothing', async () => {
  expect(await owed((await project(['commentPublic'])).ticketId)).toEqual(['resolve']);
  expect(await owed((await project(['commentInternal', 'commentByResident'])).ticketId)).toEqual(['acknowledge', 'resolve']);
});

it('when a ticket is resolved, only the automatic close is owed, 7 days later', async () => {
  const { ticketId, events } = await project(['act', 'resolve']);
  const resolvedAt = Date.parse((events.at(-1)!.data as { resolvedAt: string }).resolvedAt);
  expect(await owed(ticketId)).toEqual(['auto_close']);
  expect((await rowsOf(ticketId)).auto_close.dueAt).toBe(new Date(resolvedAt + 7 * 86_400_000).toISOString());
});

it('when a resolve that came in time is rejected, the deadline stays met and the automatic close is off', async () => {
  expect(await owed((await project(['act', 'resolve', 'reject'])).ticketId)).toEqual([]);
});

it('when the first response comes after its deadline, the acknowledge deadline stays owed as a breach', async () => {
  expect(await owed((await project(['wait1d', 'acknowledge'])).ticketId)).toContain('acknowledge');
});

it('when a resolve is rejected after the resolve deadline was breached, nothing is re-armed', async () => {
  expect(await owed((await project(['acknowledge', 'wait1d', 'breachResolve', 'act', 'resolve', 'reject'])).ticketId)).toEqual([]);
});

it('when a ticket is confirmed or withdrawn, nothing is owed', async () => {
  expect(await owed((await project(['act', 'resolve', 'confirm'])).ticketId)).toEqual([]);
  expect(await owed((await project(['withdraw'])).ticketId)).toEqual([]);
});

it('when events are delivered again, the rows do not change', async () => {
  const { ticketId, events } = historyOf(['act', 'resolve', 'reject', 'act']);
  const log = stored(events);
  await projection.apply(log, ds.manager);
  const once = await rowsOf(ticketId);
  await projection.apply(log.slice(1), ds.manager);
  await projection.apply(log, ds.manager);
  expect(await rowsOf(ticketId)).toEqual(once);
});

it('for any history, a deadline is owed exactly when the ticket itself would still record it', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(aStep, { maxLength: 24, size: 'max' }), fc.nat(), async (steps, redeliverFrom) => {
      const { ticketId, events } = historyOf(steps);
      const log = stored(events);
      await projection.apply(log, ds.manager);
      await projection.apply(log.slice(redeliverFrom % log.length), ds.manager);
      const rows = await rowsOf(ticketId);
      for (const [kind, dueAt] of Object.entries(owedByDecider(events, FAR_FUTURE))) {
        expect({ kind, row: rows[kind]?.owed ? rows[kind].dueAt : null }).toEqual({ kind, row: dueAt });
      }
    }),
    { numRuns: 200 },
  );
});
