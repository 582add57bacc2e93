import fc from 'fast-check';
import type { ActorRef, CategoryCode, TicketEvent } from '@jinlin/domain';
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
] as const;
type Op = (typeof OPS)[number];

/** Negative gaps jump to a deadline exactly, where "within" and "past" are decided. */
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

type Model = { status: string; acknowledged: boolean; actions: number; rated: boolean; reporter: boolean };
const active = (m: Model) => m.status !== 'closed' && m.status !== 'withdrawn' && m.status !== 'merged';
const unresolved = (m: Model) => ['open', 'acknowledged', 'in_progress'].includes(m.status);

/** Which steps the domain would accept, following SPEC §4's rules. */
function allowed(op: Op, m: Model): boolean {
  switch (op) {
    case 'acknowledge':
      return !m.acknowledged && (m.status === 'open' || m.status === 'in_progress');
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
    default:
      return true;
  }
}

const NEXT: Partial<Record<Op, (m: Model) => string>> = {
  acknowledge: (m) => (m.status === 'open' ? 'acknowledged' : m.status),
  action: () => 'in_progress',
  resolve: () => 'resolved',
  confirm: () => 'closed',
  autoclose: () => 'closed',
  reject: () => 'in_progress',
  withdraw: () => 'withdrawn',
  merge: () => 'merged',
};

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
  if (score <= 2) {
    events.push({ type: 'TicketReopened', data: { ticketId: id, cause: 'follow_up', reopenedAt: at, by: FOLLOWER } });
    m.status = 'in_progress';
  } else if (!m.reporter) {
    events.push({ type: 'TicketClosedByFollowUp', data: { ticketId: id, closedAt: at, resolvedAt: at, by: FOLLOWER } });
    m.status = 'closed';
  }
  return events;
}

/** `reporter`: who confirmed, rejected, rated and withdrew, as the v1 rules let the filer. */
function eventFor(op: Exclude<Op, 'follow-up'>, id: string, at: string, score: number, reporter: ActorRef): TicketEvent {
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
};
const PROGRESS: readonly Op[] = OPS.flatMap((op) => Array<Op>(WEIGHTS[op] ?? 0).fill(op));

function choose(pick: number, m: Model): Op {
  const progress = PROGRESS.filter((op) => allowed(op, m));
  const any = OPS.filter((op) => allowed(op, m));
  return pick % 5 !== 0 && progress.length ? progress[Math.floor(pick / 5) % progress.length] : any[Math.floor(pick / 5) % any.length];
}

/** One ticket's valid lifecycle: each step picks among the moves the rules allow at that point. */
function ticketEvents(plan: TicketPlan, id: string): TicketEvent[] {
  const filedAt = BASE + plan.filedOffset;
  const iso = (ms: number) => new Date(ms).toISOString();
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
        sla: { acknowledgeWithinMinutes: plan.acknowledgeMinutes, resolveWithinMinutes: plan.resolveMinutes },
        acknowledgeBy: iso(filedAt + plan.acknowledgeMinutes * 60_000),
        resolveBy: iso(filedAt + plan.resolveMinutes * 60_000),
        by: FILER[plan.filer],
      },
    },
  ];
  // Upcast, a ticket a non-resident filed has no reporter (FILERS).
  const m: Model = { status: 'open', acknowledged: false, actions: 0, rated: false, reporter: plan.filer === 'resident' };
  let at = filedAt;
  const deadline = (g: number) => filedAt + (g === TO_ACKNOWLEDGE_DEADLINE ? plan.acknowledgeMinutes : plan.resolveMinutes) * 60_000;
  for (const step of plan.steps) {
    const op = choose(step.pick, m);
    at = step.gap < 0 ? Math.max(at, deadline(step.gap)) : at + step.gap;
    if (op === 'follow-up') {
      events.push(...followUpEvents(id, iso(at), step, m));
      continue;
    }
    events.push(eventFor(op, id, iso(at), step.score, FILER[plan.filer]));
    m.status = NEXT[op]?.(m) ?? m.status;
    if (op === 'acknowledge') m.acknowledged = true;
    if (op === 'action') m.actions += 1;
    if (op === 'rate') m.rated = true;
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
