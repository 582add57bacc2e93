import { addMinutes, AUTO_CLOSE_AFTER_MINUTES, isCompanyActor, TICKET_EVENT_TYPES, type TicketEvent } from '@jinlin/domain';
import { exhaustive } from '../engine/projection';

export type DeadlineKind = 'acknowledge' | 'resolve' | 'auto_close';

/**
 * What one ticket event does to the ticket's deadlines. No event touches the same deadline twice,
 * which is what lets each row carry the position of the last event that changed it.
 */
export type DeadlineChange =
  /** Owed from now on, falling due at `dueAt` (a new resolve re-arms the auto-close). */
  | Readonly<{ op: 'arm'; kind: DeadlineKind; dueAt: string }>
  /** Nothing more is owed: moot, or the ticket is over. */
  | Readonly<{ op: 'settle'; kinds: readonly DeadlineKind[] }>
  /** Answered at `at`: met if that is not after the deadline; a late answer leaves it owed as a breach. */
  | Readonly<{ op: 'meet'; kinds: readonly ('acknowledge' | 'resolve')[]; at: string }>
  | Readonly<{ op: 'breach'; kind: 'acknowledge' | 'resolve' }>;

const ALL: readonly DeadlineKind[] = ['acknowledge', 'resolve', 'auto_close'];

/** Ticket events that owe, meet or settle no deadline: who works on it, how loudly, which company. */
const NOT_TIMED: ReadonlySet<TicketEvent['type']> = new Set([
  'TicketAssigned',
  'TicketRated',
  'TicketEscalated',
  'TicketTransferred',
  'TicketSupported',
  'TicketVisibilityChanged',
  'TicketDuplicateMerged',
  'TicketFollowedUp',
]);

export const DEADLINE_EVENT_TYPES: readonly TicketEvent['type'][] = TICKET_EVENT_TYPES.filter((type) => !NOT_TIMED.has(type));

export function deadlineChanges(event: TicketEvent): DeadlineChange[] {
  switch (event.type) {
    case 'TicketFiled':
      return [
        { op: 'arm', kind: 'acknowledge', dueAt: event.data.acknowledgeBy },
        { op: 'arm', kind: 'resolve', dueAt: event.data.resolveBy },
      ];
    case 'TicketAcknowledged':
      return [{ op: 'meet', kinds: ['acknowledge'], at: event.data.acknowledgedAt }];
    case 'TicketActionRecorded':
      return [{ op: 'meet', kinds: ['acknowledge'], at: event.data.recordedAt }];
    case 'TicketCommented':
      // Only a public answer by the company counts as a first response (SPEC §6).
      return !event.data.internal && isCompanyActor(event.data.by)
        ? [{ op: 'meet', kinds: ['acknowledge'], at: event.data.commentedAt }]
        : [];
    case 'TicketResolved':
      return [
        { op: 'meet', kinds: ['acknowledge', 'resolve'], at: event.data.resolvedAt },
        { op: 'arm', kind: 'auto_close', dueAt: addMinutes(event.data.resolvedAt, AUTO_CLOSE_AFTER_MINUTES) },
      ];
    case 'TicketResolutionRejected':
    case 'TicketResolutionConfirmed':
    case 'TicketAutoClosed':
    case 'TicketReopened':
    case 'TicketClosedByFollowUp':
      // Acknowledge and resolve stay as they are: met in time, or owed as breaches.
      return [{ op: 'settle', kinds: ['auto_close'] }];
    case 'TicketWithdrawn':
    case 'TicketMerged':
      // Over: a merged ticket breaches nothing and is never auto-closed (its primary carries on).
      return [{ op: 'settle', kinds: ALL }];
    case 'TicketSlaBreached':
      return [{ op: 'breach', kind: event.data.kind }];
    case 'TicketAssigned':
    case 'TicketRated':
    case 'TicketEscalated':
    case 'TicketTransferred':
    case 'TicketSupported':
    case 'TicketVisibilityChanged':
    case 'TicketDuplicateMerged':
    case 'TicketFollowedUp':
    case 'TicketWaiting':
    case 'TicketResumed':
    case 'TicketSlaWarning':
      return [];
    default:
      return exhaustive(event, []);
  }
}
