import fc from 'fast-check';
import {
  completePolicy,
  deadlinesAtFiling,
  evolveTicket,
  initialTicket,
  resumed,
  SYSTEM_PRINCIPAL,
  workCalendar,
  type ActorRef,
  type BusinessClock,
  type CategoryCode,
  type FiledTicket,
  type SlaClock,
  type Ticket,
  type TicketEvent,
  type TicketResumed,
} from '@jinlin/domain';
import { serviceUpcasters, typedAs, type Checkpoint, type StoredEvent } from '@jinlin/event-store';

export const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 2025-11-11 00:00 in UTC+8: whole-day offsets from here fall on Shanghai midnights. */
export const BASE = Date.UTC(2025, 10, 10, 16, 0, 0);
export const COMMUNITIES = ['c-a', 'c-b', 'c-c'];
export const COMPANIES = ['co-1', 'co-2'];
export const CATEGORIES: CategoryCode[] = ['elevator', 'sanitation', 'noise'];
export const BUILDINGS = ['1', '2'];

const OPS = [
  'acknowledge',
  'action',
  'resolve',
  'confirm',
  'reject',
  'rate',
  'withdraw',
  'autoclose',
  'transfer',
  'assign',
  'escalate',
  'breach',
  'comment-staff',
  'comment-manager',
  'comment-internal',
  'comment-resident',
  'comment-committee',
  'merge',
  'follow-up',
  'wait-resident',
  'wait-parts',
  'resume',
  'answer-while-waiting',
] as const;
type Op = (typeof OPS)[number];

/**
 * The business clock the histories' communities keep: 09:00–18:00, with a holiday on Thursday
 * 2025-11-13 and Saturday 2025-11-15 worked in its place (调休), in the days the tickets span.
 */
export const BUSINESS: BusinessClock = {
  hours: { start: '09:00', end: '18:00' },
  calendar: workCalendar([{ year: 2025, holidays: ['2025-11-13'], workdays: ['2025-11-15'] }]),
};

/** Negative gaps jump to a deadline exactly (the resolve deadline as pushed back so far), where "within" and "past" are decided. */
const TO_ACKNOWLEDGE_DEADLINE = -1;
const TO_RESOLVE_DEADLINE = -2;

const gap = fc.oneof(
  fc.constant(0),
  fc.constantFrom(TO_ACKNOWLEDGE_DEADLINE, TO_RESOLVE_DEADLINE),
  fc.constantFrom(1, 30, 60, 120, 1440).map((minutes) => minutes * 60_000),
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1, max: 3600 }).map((s) => s * 1000),
  fc.integer({ min: 1, max: 96 }).map((h) => h * HOUR + 17),
);

/** Who filed: before TicketFiled version 2 whoever filed was the reporter and confirmed, withdrew and rated. */
const FILERS = ['resident', 'staff', 'secretary'] as const;

const ticket = fc.record({
  filer: fc.constantFrom(...FILERS),
  community: fc.constantFrom(...COMMUNITIES),
  company: fc.constantFrom(...COMPANIES),
  category: fc.constantFrom(...CATEGORIES),
  /** The building the location names, or none (null: no location at all). */
  building: fc.constantFrom(null, ...BUILDINGS),
  filedOffset: fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((k) => k * 6 * HOUR),
    fc.integer({ min: 1, max: 20 }).map((k) => k * 6 * HOUR - 1),
    fc.integer({ min: 0, max: 5 * DAY }),
  ),
  acknowledgeMinutes: fc.constantFrom(1, 30, 120, 1440),
  resolveMinutes: fc.constantFrom(60, 1440, 4320),
  clock: fc.constantFrom<SlaClock>('continuous', 'business'),
  steps: fc.array(
    fc.record({ pick: fc.integer({ min: 0, max: 1 << 20 }), gap, score: fc.integer({ min: 1, max: 5 }), reached: fc.boolean() }),
    { maxLength: 12 },
  ),
});

export type TicketPlan = typeof ticket extends fc.Arbitrary<infer T> ? T : never;

/** Random tickets, how their events interleave in the log, and how the log is cut into batches. */
export const histories = fc.record({
  tickets: fc.array(ticket, { maxLength: 24, size: 'medium' }),
  seed: fc.integer(),
  batchSize: fc.integer({ min: 1, max: 40 }),
});

/** What the rules look at, read from the decider's own state of the events made so far. */
type Model = Pick<FiledTicket, 'status' | 'acknowledged' | 'actions' | 'rated'> & { reporter: boolean };
const active = (m: Model) => m.status !== 'closed' && m.status !== 'withdrawn' && m.status !== 'merged';
const unresolved = (m: Model) => ['open', 'acknowledged', 'in_progress', 'waiting'].includes(m.status);

/** Which steps the domain would accept, following SPEC §4's rules. */
function allowed(op: Op, m: Model): boolean {
  switch (op) {
    case 'acknowledge':
      return !m.acknowledged && (m.status === 'open' || m.status === 'in_progress' || m.status === 'waiting');
    case 'action':
    case 'withdraw':
    case 'merge':
      return unresolved(m);
    case 'resolve':
      return active(m) && m.status !== 'resolved' && m.actions > 0;
    case 'confirm':
    case 'reject':
    case 'autoclose':
      return m.status === 'resolved';
    case 'rate':
      return !m.rated && (m.status === 'resolved' || m.status === 'closed');
    case 'follow-up':
      return m.status === 'resolved' || m.status === 'closed';
    case 'transfer':
    case 'assign':
    case 'escalate':
      return active(m);
    case 'wait-resident':
    case 'wait-parts':
      return m.status === 'acknowledged' || m.status === 'in_progress';
    case 'resume':
    case 'answer-while-waiting':
      return m.status === 'waiting';
    default:
      return true;
  }
}

const STAFF: ActorRef = { id: 'staff-1', roles: ['staff'] };
const RESIDENT: ActorRef = { id: 'res-1', roles: ['resident'] };
const FILER: Record<TicketPlan['filer'], ActorRef> = { resident: RESIDENT, staff: STAFF, secretary: { id: 'sec-1', roles: ['secretary'] } };

const FOLLOWER: ActorRef = { id: 'mgr-1', roles: ['manager'] };

/**
 * A follow-up, and what the domain appends with it on a resolved ticket: a reopen for a reached
 * score ≤ 2, a close for a reached score ≥ 3 when there is no reporter (SPEC §4.8).
 */
function followUpEvents(id: string, at: string, step: { score: number; reached: boolean }, m: Model): TicketEvent[] {
  const score = step.reached ? step.score : null;
  const events: TicketEvent[] = [
    {
      type: 'TicketFollowedUp',
      data: { ticketId: id, method: 'phone', reached: step.reached, score, note: null, followedUpAt: at, by: FOLLOWER },
    },
  ];
  if (m.status !== 'resolved' || score === null) return events;
  if (score <= 2) events.push({ type: 'TicketReopened', data: { ticketId: id, cause: 'follow_up', reopenedAt: at, by: FOLLOWER } });
  else if (!m.reporter) events.push({ type: 'TicketClosedByFollowUp', data: { ticketId: id, closedAt: at, resolvedAt: at, by: FOLLOWER } });
  return events;
}

/**
 * The end of a wait as the decider writes it (ticket.wait.ts): the pause counted by the ticket's
 * own clock, the resolve deadline pushed back while it is still owed.
 */
const resumedBy = (state: FiledTicket, at: string, cause: TicketResumed['data']['cause'], by: ActorRef): TicketEvent =>
  resumed(state, at, cause, by, BUSINESS);

/**
 * A step's events. A resolve ends a wait first; the reporter's public comment ends a wait on the
 * resident first, by the system (SPEC §4.2 rule 6).
 */
function eventsFor(op: Exclude<Op, 'follow-up'>, state: FiledTicket, at: string, score: number, reporter: ActorRef): TicketEvent[] {
  const id = state.id;
  switch (op) {
    case 'wait-resident':
    case 'wait-parts': {
      const on = op === 'wait-resident' ? 'resident' : 'parts';
      return [{ type: 'TicketWaiting', data: { ticketId: id, on, reason: '等', waitingSince: at, by: STAFF } }];
    }
    case 'resume':
      return [resumedBy(state, at, 'resume', STAFF)];
    case 'resolve':
      return [...(state.waiting ? [resumedBy(state, at, 'resolve', STAFF)] : []), eventFor(op, id, at, score, reporter)];
    case 'comment-resident':
    case 'answer-while-waiting': {
      // Only the reporter's answer restarts the clock: on a ticket filed by staff the resident is nobody's reporter.
      const answers = state.waiting?.on === 'resident' && state.reporterId === RESIDENT.id;
      const comment = eventFor('comment-resident', id, at, score, reporter);
      return [...(answers ? [resumedBy(state, at, 'reporter_comment', SYSTEM_PRINCIPAL)] : []), comment];
    }
    default:
      return [eventFor(op, id, at, score, reporter)];
  }
}

/** `reporter`: who confirmed, rejected, rated and withdrew, as the v1 rules let the filer. */
function eventFor(
  op: Exclude<Op, 'follow-up' | 'wait-resident' | 'wait-parts' | 'resume' | 'answer-while-waiting'>,
  id: string,
  at: string,
  score: number,
  reporter: ActorRef,
): TicketEvent {
  const comment = (by: ActorRef, internal = false): TicketEvent => ({
    type: 'TicketCommented',
    data: { ticketId: id, text: '好', internal, commentedAt: at, by },
  });
  switch (op) {
    case 'acknowledge':
      return { type: 'TicketAcknowledged', data: { ticketId: id, message: '收到', acknowledgedAt: at, by: STAFF } };
    case 'action':
      return { type: 'TicketActionRecorded', data: { ticketId: id, description: '处理', recordedAt: at, by: STAFF } };
    case 'resolve':
      return { type: 'TicketResolved', data: { ticketId: id, resolution: '好了', resolvedAt: at, by: STAFF } };
    case 'confirm':
      return { type: 'TicketResolutionConfirmed', data: { ticketId: id, confirmedAt: at, by: reporter } };
    case 'reject':
      return { type: 'TicketResolutionRejected', data: { ticketId: id, reason: '没好', rejectedAt: at, by: reporter } };
    case 'rate':
      return { type: 'TicketRated', data: { ticketId: id, score, comment: null, ratedAt: at, by: reporter } };
    case 'withdraw':
      return { type: 'TicketWithdrawn', data: { ticketId: id, reason: null, withdrawnAt: at, by: reporter } };
    case 'autoclose':
      return { type: 'TicketAutoClosed', data: { ticketId: id, closedAt: at, resolvedAt: at } };
    case 'transfer':
      return {
        type: 'TicketTransferred',
        data: { ticketId: id, fromCompanyId: 'co-1', toCompanyId: 'co-9', handoverId: 'h-1', transferredAt: at },
      };
    case 'assign':
      return { type: 'TicketAssigned', data: { ticketId: id, assigneeId: 'staff-1', assignedAt: at, by: STAFF } };
    case 'escalate':
      return { type: 'TicketEscalated', data: { ticketId: id, level: 'committee', reason: '慢', escalatedAt: at, by: RESIDENT } };
    case 'breach':
      return { type: 'TicketSlaBreached', data: { ticketId: id, kind: 'resolve', deadline: at, detectedAt: at } };
    case 'comment-staff':
      return comment(STAFF);
    case 'comment-manager':
      return comment({ id: 'mgr-1', roles: ['manager'] });
    case 'comment-internal':
      return comment(STAFF, true);
    case 'comment-resident':
      return comment(RESIDENT);
    case 'comment-committee':
      return comment({ id: 'com-1', roles: ['committee'] });
    case 'merge':
      return { type: 'TicketMerged', data: { ticketId: id, intoTicketId: 't0', mergedAt: at, by: STAFF } };
  }
}

/** Four steps in five move the lifecycle on when it can move; the rest may be anything allowed. */
const WEIGHTS: Partial<Record<Op, number>> = {
  acknowledge: 2,
  action: 3,
  resolve: 4,
  confirm: 2,
  reject: 2,
  rate: 3,
  withdraw: 1,
  autoclose: 1,
  merge: 1,
  'follow-up': 2,
  'wait-resident': 2,
  'wait-parts': 1,
  resume: 2,
  'answer-while-waiting': 1,
};
const PROGRESS: readonly Op[] = OPS.flatMap((op) => Array<Op>(WEIGHTS[op] ?? 0).fill(op));

function choose(pick: number, m: Model): Op {
  const progress = PROGRESS.filter((op) => allowed(op, m));
  const any = OPS.filter((op) => allowed(op, m));
  return pick % 5 !== 0 && progress.length ? progress[Math.floor(pick / 5) % progress.length] : any[Math.floor(pick / 5) % any.length];
}

/** The decider's state after these events (a ticket once filed stays filed). */
function filedAfter(state: Ticket, events: readonly TicketEvent[]): FiledTicket {
  const after = events.reduce(evolveTicket, state);
  if (!after.exists) throw new Error('a history starts with its filing');
  return after;
}

/** One ticket's valid lifecycle: each step picks among the moves the rules allow at that point. */
function ticketEvents(plan: TicketPlan, id: string): TicketEvent[] {
  const filedAt = BASE + plan.filedOffset;
  const iso = (ms: number) => new Date(ms).toISOString();
  const minutes = { acknowledgeWithinMinutes: plan.acknowledgeMinutes, resolveWithinMinutes: plan.resolveMinutes };
  const sla = completePolicy(plan.category, { ...minutes, clock: plan.clock });
  const events: TicketEvent[] = [
    {
      type: 'TicketFiled',
      data: {
        ticketId: id,
        communityId: plan.community,
        companyId: plan.company,
        category: plan.category,
        title: `第${id}号 "电梯", 坏了`,
        description: '描述',
        location: plan.building === null ? null : { building: plan.building, room: '101' },
        channel: 'app',
        reporterId: FILER[plan.filer].id,
        filedAt: iso(filedAt),
        sla,
        // The decider's own deadlines, business minutes by the communities' clock.
        ...deadlinesAtFiling(iso(filedAt), sla, BUSINESS),
        by: FILER[plan.filer],
      },
    },
  ];
  // Upcast, a ticket a non-resident filed has no reporter (FILERS): the decider's state as it will read.
  const reporterId = plan.filer === 'resident' ? RESIDENT.id : null;
  let state: FiledTicket = { ...filedAfter(initialTicket(), events), reporterId };
  let at = filedAt;
  const deadline = (g: number) => Date.parse(g === TO_ACKNOWLEDGE_DEADLINE ? state.acknowledgeBy : state.resolveBy);
  for (const step of plan.steps) {
    const m: Model = { ...state, reporter: reporterId !== null };
    const op = choose(step.pick, m);
    at = step.gap < 0 ? Math.max(at, deadline(step.gap)) : at + step.gap;
    const next = op === 'follow-up' ? followUpEvents(id, iso(at), step, m) : eventsFor(op, state, iso(at), step.score, FILER[plan.filer]);
    events.push(...next);
    state = filedAfter(state, next);
  }
  return events;
}

/** A small deterministic generator, so one fast-check seed decides the interleaving too. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const upcasters = serviceUpcasters();

/**
 * Interleaves the tickets' events at random, keeping each ticket's order, and numbers them as the
 * log would. They are stored as version 1 wrote them and read through the service's upcasters, so
 * a ticket a non-resident filed (and rated) reads as one without a reporter.
 */
export function storedLog(plans: readonly TicketPlan[], seed: number): StoredEvent<TicketEvent>[] {
  const rnd = random(seed);
  const queues = plans.map((p, i) => ticketEvents(p, `t${i + 1}`));
  const log: StoredEvent<TicketEvent>[] = [];
  for (;;) {
    const open = queues.filter((q) => q.length);
    if (!open.length) return log;
    const e = open[Math.floor(rnd() * open.length)].shift()!;
    const position = log.length + 1;
    const [read] = typedAs<TicketEvent>([
      upcasters.upcast({
        ...e,
        globalPosition: position,
        checkpoint: String(position) as Checkpoint,
        streamId: `ticket-${e.data.ticketId}`,
        streamVersion: 0,
        schemaVersion: 1,
        metadata: {},
        recordedAt: new Date(0),
        hash: '',
      }),
    ]);
    log.push(read);
  }
}
