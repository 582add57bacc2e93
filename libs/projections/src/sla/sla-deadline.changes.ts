import {
  addMinutes,
  AUTO_CLOSE_AFTER_MINUTES,
  ESCALATION_LEVELS,
  isCompanyActor,
  TICKET_EVENT_TYPES,
  type TicketEvent,
} from '@jinlin/domain';
import { exhaustive } from '../engine/projection';

/**
 * What the SLA timer may have to ask a ticket about: its two deadlines, their warnings (SPEC §4.9),
 * the automatic close, and the escalation ladder after a resolve breach.
 */
export const DEADLINE_KINDS = ['acknowledge', 'resolve', 'auto_close', 'acknowledge_warning', 'resolve_warning', 'escalation'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
/** The kinds a response or a resolve can meet in time. */
export type AnsweredKind = 'acknowledge' | 'resolve' | 'acknowledge_warning' | 'resolve_warning';

/** What the ladder's row knows; when its next step falls due follows from these (see `ladderDue`). */
export type LadderFacts = Readonly<{
  /** The resolve deadline in force: the steps count from it. */
  resolveBy: string;
  breached: boolean;
  /** Resolved and waiting for the reporter's verdict: a reject or a reopen sets the ladder going again. */
  resolved: boolean;
  /** The ticket's escalation level as an index of ESCALATION_LEVELS, -1 for none. */
  level: number;
}>;

/**
 * What one ticket event does to the ticket's deadlines. No event touches the same row twice,
 * which is what lets each row carry the position of the last event that changed it.
 */
export type DeadlineChange =
  /** Owed from now on, falling due at `dueAt` (a new resolve re-arms the auto-close). */
  | Readonly<{ op: 'arm'; kind: Exclude<DeadlineKind, 'escalation'>; dueAt: string }>
  /** Nothing more is owed: moot, or the ticket is over (for the ladder: for good). */
  | Readonly<{ op: 'settle'; kinds: readonly DeadlineKind[] }>
  /** Answered at `at`: met if that is not after the instant; a late answer leaves it owed as a breach. */
  | Readonly<{ op: 'meet'; kinds: readonly AnsweredKind[]; at: string }>
  | Readonly<{ op: 'breach'; kind: 'acknowledge' | 'resolve' }>
  /** The clock stopped at `since` (waiting on the resident): what falls due from then on waits for the resume. */
  | Readonly<{ op: 'pause'; kinds: readonly ('resolve' | 'resolve_warning')[]; since: string }>
  /** The clock runs again; what is still owed falls due at its pushed-back instant. */
  | Readonly<{ op: 'resume'; dueAt: Readonly<{ resolve?: string; resolve_warning?: string }> }>
  /** Filed with a ladder (tickets filed before SPEC §4.9 have none). */
  | Readonly<{ op: 'ladder'; minutes: readonly number[]; resolveBy: string }>
  | Readonly<{ op: 'ladder_fact'; set: Partial<LadderFacts> }>;

const ALL: readonly DeadlineKind[] = DEADLINE_KINDS;

/** Ticket events that owe, meet or settle nothing: who works on it, how loudly, which company. */
const NOT_TIMED: ReadonlySet<TicketEvent['type']> = new Set([
  'TicketAssigned',
  'TicketRated',
  'TicketTransferred',
  'TicketSupported',
  'TicketVisibilityChanged',
  'TicketDuplicateMerged',
  'TicketFollowedUp',
]);

export const DEADLINE_EVENT_TYPES: readonly TicketEvent['type'][] = TICKET_EVENT_TYPES.filter((type) => !NOT_TIMED.has(type));

const RESPONSE: readonly AnsweredKind[] = ['acknowledge', 'acknowledge_warning'];

export function deadlineChanges(event: TicketEvent): DeadlineChange[] {
  switch (event.type) {
    case 'TicketFiled':
      return filed(event.data);
    case 'TicketAcknowledged':
      return [{ op: 'meet', kinds: RESPONSE, at: event.data.acknowledgedAt }];
    case 'TicketActionRecorded':
      return [{ op: 'meet', kinds: RESPONSE, at: event.data.recordedAt }];
    case 'TicketCommented':
      // Only a public answer by the company counts as a first response (SPEC §6).
      return !event.data.internal && isCompanyActor(event.data.by) ? [{ op: 'meet', kinds: RESPONSE, at: event.data.commentedAt }] : [];
    case 'TicketResolved':
      return [
        { op: 'meet', kinds: ['acknowledge', 'resolve', 'acknowledge_warning', 'resolve_warning'], at: event.data.resolvedAt },
        { op: 'arm', kind: 'auto_close', dueAt: addMinutes(event.data.resolvedAt, AUTO_CLOSE_AFTER_MINUTES) },
        { op: 'ladder_fact', set: { resolved: true } },
      ];
    case 'TicketResolutionRejected':
    case 'TicketReopened':
      // Acknowledge and resolve stay as they are: met in time, or owed as breaches. The ladder climbs on.
      return [
        { op: 'settle', kinds: ['auto_close'] },
        { op: 'ladder_fact', set: { resolved: false } },
      ];
    case 'TicketResolutionConfirmed':
    case 'TicketAutoClosed':
    case 'TicketClosedByFollowUp':
      return [{ op: 'settle', kinds: ['auto_close', 'escalation'] }];
    case 'TicketWithdrawn':
    case 'TicketMerged':
      // Over: a merged ticket breaches nothing and is never auto-closed (its primary carries on).
      return [{ op: 'settle', kinds: ALL }];
    case 'TicketSlaBreached': {
      const { kind } = event.data;
      return [
        { op: 'breach', kind },
        // A breached deadline is past warning.
        { op: 'settle', kinds: [`${kind}_warning`] },
        ...(kind === 'resolve' ? [{ op: 'ladder_fact', set: { breached: true } } as const] : []),
      ];
    }
    case 'TicketSlaWarning':
      return [{ op: 'settle', kinds: [`${event.data.kind}_warning`] }];
    case 'TicketWaiting':
      // Parts and third parties are the company's to chase: their clock runs on (SPEC §4.9).
      return event.data.on === 'resident' ? [{ op: 'pause', kinds: ['resolve', 'resolve_warning'], since: event.data.waitingSince }] : [];
    case 'TicketResumed': {
      const { on, resolveBy, resolveWarnAt } = event.data;
      if (on !== 'resident') return [];
      return [
        { op: 'resume', dueAt: { resolve: resolveBy, resolve_warning: resolveWarnAt } },
        ...(resolveBy ? [{ op: 'ladder_fact', set: { resolveBy } } as const] : []),
      ];
    }
    case 'TicketEscalated':
      // By the system or by a person: the ladder goes on from whatever level the ticket now has.
      return [{ op: 'ladder_fact', set: { level: ESCALATION_LEVELS.indexOf(event.data.level) } }];
    case 'TicketAssigned':
    case 'TicketRated':
    case 'TicketTransferred':
    case 'TicketSupported':
    case 'TicketVisibilityChanged':
    case 'TicketDuplicateMerged':
    case 'TicketFollowedUp':
      return [];
    default:
      return exhaustive(event, []);
  }
}

function filed(data: Extract<TicketEvent, { type: 'TicketFiled' }>['data']): DeadlineChange[] {
  const minutes = data.sla.escalateAfterBreachMinutes ?? [];
  return [
    { op: 'arm', kind: 'acknowledge', dueAt: data.acknowledgeBy },
    { op: 'arm', kind: 'resolve', dueAt: data.resolveBy },
    // Filed before warnings and the ladder existed: neither, as when it was filed.
    ...(data.warnAt
      ? [
          { op: 'arm', kind: 'acknowledge_warning', dueAt: data.warnAt.acknowledge } as const,
          { op: 'arm', kind: 'resolve_warning', dueAt: data.warnAt.resolve } as const,
        ]
      : []),
    ...(minutes.length ? [{ op: 'ladder', minutes, resolveBy: data.resolveBy } as const] : []),
  ];
}

/**
 * When the ladder's next step falls due, or null while none is scheduled: before the resolve
 * breach, and once no step is left above the ticket's level. The rule of the domain's
 * `nextEscalationAt` (step i is level i; a manual escalation past a step skips it); whether the
 * ticket is resolved or over is left to the row's `paused` and `done`.
 */
export function ladderDue(minutes: readonly number[], facts: Pick<LadderFacts, 'resolveBy' | 'breached' | 'level'>): string | null {
  if (!facts.breached) return null;
  const step = minutes.findIndex((_, i) => i > facts.level && i < ESCALATION_LEVELS.length);
  return step === -1 ? null : addMinutes(facts.resolveBy, minutes[step]);
}
