import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { addMinutes, ticketDecider, SYSTEM_PRINCIPAL, type SlaPolicy, type TicketCommand, type TicketEvent } from '@jinlin/domain';
import type { Checkpoint, StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { ProjectionCheckpoints1764300001000 } from '../engine/migrations/1764300001000-projection-checkpoints';
import { SLA_MIGRATIONS } from './index';
import { findDueDeadlines } from './sla-deadline.queries';
import { SlaDeadlinesProjection } from './sla-deadlines.projection';
import { FAR_FUTURE, historyOf, owedByDecider, stateOf, STEP_WEIGHTS, type OwedKind, type Step } from './testing/ticket-histories';

let db: TestDatabase;
let ds: DataSource;
const projection = new SlaDeadlinesProjection();
let position = 0;

beforeAll(async () => {
  db = await createTestDatabase('sla_deadlines');
  ds = new DataSource({ type: 'postgres', url: db.url, migrations: [ProjectionCheckpoints1764300001000, ...SLA_MIGRATIONS] });
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

type Row = { kind: string; due_at: Date | null; done: boolean; paused: boolean };
type Seen = { dueAt: string | null; owed: boolean; paused: boolean };
const rowsOf = async (ticketId: string): Promise<Record<string, Seen>> => {
  const rows: Row[] = await ds.query(`SELECT kind, due_at, done, paused FROM rm_sla_deadlines WHERE ticket_id = $1`, [ticketId]);
  return Object.fromEntries(
    rows.map((r) => [r.kind, { dueAt: r.due_at && new Date(r.due_at).toISOString(), owed: !r.done && !r.paused, paused: r.paused }]),
  );
};
const owed = async (ticketId: string) =>
  Object.entries(await rowsOf(ticketId))
    .filter(([, r]) => r.owed && r.dueAt !== null)
    .map(([kind]) => kind)
    .sort();
/** When the timer would ask the ticket for this row, or null when it would not. */
const dueOf = (row: Seen | undefined) => (row?.owed ? row.dueAt : null);

const aStep = fc.oneof(...Object.entries(STEP_WEIGHTS).map(([step, weight]) => ({ arbitrary: fc.constant(step as Step), weight })));
/** Minute-scale policies as SPEC §4.9 allows them: either clock, any percent, a sorted ladder of up to four steps. */
const aPolicy: fc.Arbitrary<SlaPolicy | undefined> = fc.option(
  fc
    .record({
      acknowledgeWithinMinutes: fc.integer({ min: 1, max: 240 }),
      extra: fc.integer({ min: 0, max: 3000 }),
      clock: fc.constantFrom('continuous' as const, 'business' as const),
      warnAtPercent: fc.integer({ min: 1, max: 99 }),
      ladder: fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 4 }),
    })
    .map(({ acknowledgeWithinMinutes, extra, ladder, ...rest }) => ({
      ...rest,
      acknowledgeWithinMinutes,
      resolveWithinMinutes: acknowledgeWithinMinutes + extra,
      escalateAfterBreachMinutes: [...ladder].sort((a, b) => a - b),
    })),
  { nil: undefined },
);

async function project(steps: Step[], policy?: SlaPolicy) {
  const { ticketId, events } = historyOf(steps, policy);
  await projection.apply(stored(events), ds.manager);
  return { ticketId, events };
}
const filedOf = (events: TicketEvent[]) => (events[0] as Extract<TicketEvent, { type: 'TicketFiled' }>).data;
const ladder = (escalateAfterBreachMinutes: number[]): SlaPolicy => ({
  acknowledgeWithinMinutes: 120,
  resolveWithinMinutes: 1440,
  clock: 'continuous',
  warnAtPercent: 50,
  escalateAfterBreachMinutes,
});

describe('deadlines', () => {
  it('when a ticket is filed, acknowledge and resolve are owed at its own deadlines, and their warnings before them', async () => {
    const { ticketId, events } = await project([]);
    const filed = filedOf(events);
    expect(await rowsOf(ticketId)).toMatchObject({
      acknowledge: { dueAt: filed.acknowledgeBy, owed: true },
      resolve: { dueAt: filed.resolveBy, owed: true },
      acknowledge_warning: { dueAt: filed.warnAt!.acknowledge, owed: true },
      resolve_warning: { dueAt: filed.warnAt!.resolve, owed: true },
      escalation: { dueAt: null },
    });
  });

  it('when the company comments in public, acknowledge is met; an internal note or a resident comment meets nothing', async () => {
    expect(await owed((await project(['commentPublic'])).ticketId)).toEqual(['resolve', 'resolve_warning']);
    expect(await owed((await project(['commentInternal', 'commentByResident'])).ticketId)).toEqual([
      'acknowledge',
      'acknowledge_warning',
      'resolve',
      'resolve_warning',
    ]);
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

  it('when a resolve is rejected after the resolve deadline was breached, nothing is re-armed but the ladder', async () => {
    expect(await owed((await project(['acknowledge', 'wait1d', 'breachResolve', 'act', 'resolve', 'reject'])).ticketId)).toEqual([
      'escalation',
    ]);
  });

  it('when a ticket is confirmed or withdrawn, nothing is owed', async () => {
    expect(await owed((await project(['act', 'resolve', 'confirm'])).ticketId)).toEqual([]);
    expect(await owed((await project(['withdraw'])).ticketId)).toEqual([]);
  });
});

describe('warnings', () => {
  it('when the company answers before the warning instant, the warning is met with the deadline', async () => {
    expect(await owed((await project(['acknowledge'])).ticketId)).toEqual(['resolve', 'resolve_warning']);
  });

  it('when the answer comes after the warning instant but in time, the deadline is met and the warning still owed', async () => {
    // The lift's 120 minutes: warned at 96, answered at 100.
    const { ticketId } = await project(['wait1h', 'wait10m', 'wait10m', 'wait10m', 'wait10m', 'acknowledge']);
    expect(await owed(ticketId)).toContain('acknowledge_warning');
    expect(await owed(ticketId)).not.toContain('acknowledge');
  });

  it('when the warning or the breach is recorded, the warning is done', async () => {
    expect(await owed((await project(['wait1d', 'warnAcknowledge'])).ticketId)).toContain('acknowledge');
    expect(await owed((await project(['wait1d', 'warnAcknowledge'])).ticketId)).not.toContain('acknowledge_warning');
    expect(await owed((await project(['wait1d', 'breachAcknowledge'])).ticketId)).not.toContain('acknowledge_warning');
  });

  it('when the ticket was filed before warnings and the ladder existed, it has neither', async () => {
    const { ticketId, events } = historyOf(['acknowledge', 'wait1d', 'breachResolve']);
    const { warnAt: _, sla, ...old } = filedOf(events);
    const oldFiled: TicketEvent = {
      type: 'TicketFiled',
      data: { ...old, sla: { acknowledgeWithinMinutes: sla.acknowledgeWithinMinutes, resolveWithinMinutes: sla.resolveWithinMinutes } },
    };
    await projection.apply(stored([oldFiled, ...events.slice(1)]), ds.manager);
    expect(Object.keys(await rowsOf(ticketId)).sort()).toEqual(['acknowledge', 'resolve']);
  });
});

describe('the paused clock', () => {
  it('when the company waits on the resident, the resolve deadline and its warning wait too; acknowledge is met already', async () => {
    const { ticketId } = await project(['acknowledge', 'waitOnResident']);
    expect(await owed(ticketId)).toEqual([]);
    expect(await rowsOf(ticketId)).toMatchObject({ resolve: { paused: true }, resolve_warning: { paused: true } });
  });

  it('when the wait is on parts, the clock runs on', async () => {
    expect(await owed((await project(['acknowledge', 'waitOnParts'])).ticketId)).toEqual(['resolve', 'resolve_warning']);
  });

  it('when the resident answers or the company resumes, both fall due again at the instants pushed back by the pause', async () => {
    for (const end of ['resume', 'commentByResident'] as const) {
      const { ticketId, events } = await project(['acknowledge', 'waitOnResident', 'wait1h', end]);
      const resumed = events.find((e) => e.type === 'TicketResumed') as Extract<TicketEvent, { type: 'TicketResumed' }>;
      const filed = filedOf(events);
      expect(resumed.data.resolveBy).toBe(addMinutes(filed.resolveBy, 61));
      expect(await rowsOf(ticketId)).toMatchObject({
        resolve: { dueAt: resumed.data.resolveBy, owed: true },
        resolve_warning: { dueAt: resumed.data.resolveWarnAt, owed: true },
      });
    }
  });

  it('when the deadline had passed before the wait began, it stays due: a pause does not undo a breach', async () => {
    const { ticketId } = await project(['acknowledge', 'wait1d', 'waitOnResident']);
    expect(await owed(ticketId)).toEqual(['resolve', 'resolve_warning']);
  });
});

describe('the escalation ladder', () => {
  it('when the resolve deadline is breached, the first step falls due at the deadline plus its minutes', async () => {
    const { ticketId, events } = await project(['acknowledge', 'wait1d', 'breachResolve'], ladder([5, 60, 120]));
    expect((await rowsOf(ticketId)).escalation).toEqual({ dueAt: addMinutes(filedOf(events).resolveBy, 5), owed: true, paused: false });
  });

  it('when the system climbs, the next step above the new level falls due; at the top nothing is', async () => {
    const { ticketId, events } = await project(
      ['acknowledge', 'wait1d', 'breachResolve', 'wait1h', 'escalateOverdue'],
      ladder([5, 60, 120]),
    );
    expect((await rowsOf(ticketId)).escalation.dueAt).toBe(addMinutes(filedOf(events).resolveBy, 120));
    const top = await project(['acknowledge', 'wait1d', 'breachResolve', 'wait1d', 'escalateOverdue'], ladder([5, 60, 120]));
    expect((await rowsOf(top.ticketId)).escalation.dueAt).toBeNull();
  });

  it('when a wait on the resident pushed the deadline back, the steps count from the pushed deadline', async () => {
    const steps: Step[] = ['acknowledge', 'waitOnResident', 'wait1h', 'resume', 'wait1d', 'breachResolve'];
    const { ticketId, events } = await project(steps, ladder([5, 60, 120]));
    const resumed = events.find((e) => e.type === 'TicketResumed') as Extract<TicketEvent, { type: 'TicketResumed' }>;
    expect(resumed.data.resolveBy).toBe(addMinutes(filedOf(events).resolveBy, 61));
    expect((await rowsOf(ticketId)).escalation.dueAt).toBe(addMinutes(resumed.data.resolveBy!, 5));
  });

  it('when a person escalated past a step, the system skips it', async () => {
    const { ticketId, events } = await project(['acknowledge', 'escalatePartyBranch', 'wait1d', 'breachResolve'], ladder([5, 60, 120]));
    expect((await rowsOf(ticketId)).escalation.dueAt).toBe(addMinutes(filedOf(events).resolveBy, 120));
  });

  it('when the ticket is resolved the ladder waits; a reject sets it going; a withdrawal ends it', async () => {
    const steps: Step[] = ['acknowledge', 'act', 'wait1d', 'breachResolve', 'resolve'];
    expect(await owed((await project(steps)).ticketId)).toEqual(['auto_close']);
    expect(await owed((await project([...steps, 'reject'])).ticketId)).toEqual(['escalation']);
    expect(await owed((await project(['acknowledge', 'wait1d', 'breachResolve', 'withdraw'])).ticketId)).toEqual([]);
  });
});

it('when events are delivered again, the rows do not change', async () => {
  const { ticketId, events } = historyOf([
    'act',
    'waitOnResident',
    'wait1d',
    'resume',
    'breachResolve',
    'escalateOverdue',
    'resolve',
    'reject',
  ]);
  const log = stored(events);
  await projection.apply(log, ds.manager);
  const once = await rowsOf(ticketId);
  await projection.apply(log.slice(1), ds.manager);
  await projection.apply(log, ds.manager);
  expect(await rowsOf(ticketId)).toEqual(once);
});

it('when the timer asks, a paused row is not among the due ones and the ladder row only once scheduled', async () => {
  const { ticketId } = await project(['acknowledge', 'waitOnResident']);
  const due = await findDueDeadlines(ds.manager, new Date(FAR_FUTURE), null, 100_000);
  expect(due.filter((d) => d.ticketId === ticketId)).toEqual([]);
});

it('for any history, each row is owed exactly when the ticket itself would still record it, and falls due when it would', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(aStep, { maxLength: 28, size: 'max' }), aPolicy, fc.nat(), async (steps, policy, redeliverFrom) => {
      const { ticketId, events } = historyOf(steps, policy);
      const log = stored(events);
      await projection.apply(log, ds.manager);
      await projection.apply(log.slice(redeliverFrom % log.length), ds.manager);
      const rows = await rowsOf(ticketId);
      for (const [kind, dueAt] of Object.entries(owedByDecider(events, FAR_FUTURE))) {
        expect({ kind, row: dueOf(rows[kind]) }).toEqual({ kind, row: dueAt });
      }
    }),
    { numRuns: 300 },
  );
});

it("for any history, the ladder's next due step is the domain's nextEscalationAt, and the ticket climbs then, not a moment before", async () => {
  const climbAt = (events: TicketEvent[], now: string) =>
    ticketDecider.decide(
      { type: 'EscalateOverdue', data: {}, metadata: { actor: SYSTEM_PRINCIPAL, now, managingCompanyId: 'jiayuan' } } as TicketCommand,
      stateOf(events),
    );
  const escalation: OwedKind = 'escalation';
  await fc.assert(
    fc.asyncProperty(fc.array(aStep, { maxLength: 28, size: 'max' }), aPolicy, async (steps, policy) => {
      const { ticketId, events } = await project(steps, policy);
      const due = dueOf((await rowsOf(ticketId))[escalation]);
      expect(due).toBe(owedByDecider(events, FAR_FUTURE).escalation);
      if (due === null) return;
      expect(climbAt(events, new Date(Date.parse(due) - 1).toISOString())).toEqual([]);
      expect(climbAt(events, due).length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});
