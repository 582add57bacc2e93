import { firstResponseAfter } from './first-response';
import { defaultClock, type CategoryCode, type SlaClock } from '../catalogue/categories';
import type { EscalationLevel, TicketEvent, Visibility, WaitingOn } from './ticket.events';

export type TicketStatus = 'open' | 'acknowledged' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'withdrawn' | 'merged';

/** SPEC §4.2 rule 6: a wait is entered from, and returns to, one of these. */
export type WaitFrom = 'acknowledged' | 'in_progress';
export type Wait = Readonly<{ on: WaitingOn; since: string; returnTo: WaitFrom }>;

export type FiledTicket = Readonly<{
  exists: true;
  id: string;
  communityId: string;
  companyId: string;
  category: CategoryCode;
  /** Null: nobody confirms, rejects, rates or withdraws it (SPEC §4.1). */
  reporterId: string | null;
  status: TicketStatus;
  acknowledged: boolean;
  /** Any first response by the company: acknowledge, action, resolve or a public staff comment. */
  responded: boolean;
  /** When that first response came, and when the first resolve came: deadlines are met or not by these. */
  respondedAt: string | null;
  firstResolvedAt: string | null;
  actions: number;
  resolvedAt: string | null;
  rated: boolean;
  escalationLevel: EscalationLevel | null;
  assigneeId: string | null;
  acknowledgeBy: string;
  resolveBy: string;
  breached: Readonly<{ acknowledge: boolean; resolve: boolean }>;
  /** SPEC §4.9: the clock the deadlines run by, their warnings, the ladder after a resolve breach. */
  slaClock: SlaClock;
  warnAt: Readonly<{ acknowledge: string | null; resolve: string | null }>;
  warned: Readonly<{ acknowledge: boolean; resolve: boolean }>;
  escalateAfterBreachMinutes: readonly number[];
  /** The wait in progress (status `waiting`), and the seconds all waits on the resident took. */
  waiting: Wait | null;
  pausedSeconds: number;
  /** SPEC §4.7. */
  anonymous: boolean;
  visibility: Visibility;
  /** Who supported it, the reporters of its merged duplicates among them: each counted once. */
  supporters: readonly string[];
  /** The duplicates whose merge this ticket has recorded. */
  duplicates: readonly string[];
  mergedInto: string | null;
}>;

export type Ticket = Readonly<{ exists: false }> | FiledTicket;

export const initialTicket = (): Ticket => ({ exists: false });

export function evolveTicket(state: Ticket, event: TicketEvent): Ticket {
  if (event.type === 'TicketFiled') {
    const d = event.data;
    return {
      exists: true,
      id: d.ticketId,
      communityId: d.communityId,
      companyId: d.companyId,
      category: d.category,
      reporterId: d.reporterId,
      status: 'open',
      acknowledged: false,
      responded: false,
      respondedAt: null,
      firstResolvedAt: null,
      actions: 0,
      resolvedAt: null,
      rated: false,
      escalationLevel: null,
      assigneeId: null,
      acknowledgeBy: d.acknowledgeBy,
      resolveBy: d.resolveBy,
      breached: { acknowledge: false, resolve: false },
      slaClock: d.sla.clock ?? defaultClock(d.category),
      warnAt: { acknowledge: d.warnAt?.acknowledge ?? null, resolve: d.warnAt?.resolve ?? null },
      warned: { acknowledge: false, resolve: false },
      // Filed before the ladder existed: no automatic escalation, as when it was filed.
      escalateAfterBreachMinutes: d.sla.escalateAfterBreachMinutes ?? [],
      waiting: null,
      pausedSeconds: 0,
      anonymous: d.anonymous ?? false,
      visibility: d.visibility ?? 'private',
      supporters: [],
      duplicates: [],
      mergedInto: null,
    };
  }
  if (!state.exists) return state;
  const respondedAt = firstResponseAfter(state.respondedAt, event);
  const next = evolveFiled(state, event);
  return respondedAt === state.respondedAt ? next : { ...next, responded: true, respondedAt };
}

function evolveFiled(state: FiledTicket, event: Exclude<TicketEvent, { type: 'TicketFiled' }>): FiledTicket {
  switch (event.type) {
    case 'TicketAcknowledged':
      return {
        ...state,
        acknowledged: true,
        status: state.status === 'open' ? 'acknowledged' : state.status,
      };
    case 'TicketWaiting':
      return {
        ...state,
        status: 'waiting',
        waiting: {
          on: event.data.on,
          since: event.data.waitingSince,
          returnTo: state.status === 'in_progress' ? 'in_progress' : 'acknowledged',
        },
      };
    case 'TicketResumed': {
      const { resolveBy, resolveWarnAt, pausedSeconds } = event.data;
      return {
        ...state,
        status: state.waiting?.returnTo ?? state.status,
        waiting: null,
        pausedSeconds: state.pausedSeconds + pausedSeconds,
        resolveBy: resolveBy ?? state.resolveBy,
        warnAt: { ...state.warnAt, resolve: resolveWarnAt ?? state.warnAt.resolve },
      };
    }
    case 'TicketSlaWarning':
      return { ...state, warned: { ...state.warned, [event.data.kind]: true } };
    case 'TicketAssigned':
      return { ...state, assigneeId: event.data.assigneeId };
    case 'TicketActionRecorded':
      // Work done while waiting (a visit nobody answered) leaves the wait as it is.
      return state.waiting
        ? { ...state, actions: state.actions + 1, waiting: { ...state.waiting, returnTo: 'in_progress' } }
        : { ...state, actions: state.actions + 1, status: 'in_progress' };
    case 'TicketResolved':
      return {
        ...state,
        waiting: null,
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        firstResolvedAt: state.firstResolvedAt ?? event.data.resolvedAt,
      };
    case 'TicketResolutionConfirmed':
    case 'TicketAutoClosed':
      return { ...state, status: 'closed' };
    case 'TicketResolutionRejected':
    case 'TicketReopened':
      return { ...state, status: 'in_progress' };
    case 'TicketClosedByFollowUp':
      return { ...state, status: 'closed' };
    case 'TicketRated':
      return { ...state, rated: true };
    case 'TicketEscalated':
      return { ...state, escalationLevel: event.data.level };
    case 'TicketWithdrawn':
      return { ...state, status: 'withdrawn', waiting: null };
    case 'TicketSlaBreached':
      return { ...state, breached: { ...state.breached, [event.data.kind]: true } };
    case 'TicketTransferred':
      return { ...state, companyId: event.data.toCompanyId };
    case 'TicketSupported':
      return { ...state, supporters: [...state.supporters, event.data.by.id] };
    case 'TicketVisibilityChanged':
      return { ...state, visibility: event.data.visibility };
    case 'TicketMerged':
      return { ...state, status: 'merged', waiting: null, mergedInto: event.data.intoTicketId };
    case 'TicketDuplicateMerged': {
      const { supporterId, duplicateId } = event.data;
      return {
        ...state,
        duplicates: [...state.duplicates, duplicateId],
        supporters: supporterId === null ? state.supporters : [...state.supporters, supporterId],
      };
    }
    case 'TicketCommented':
    case 'TicketFollowedUp':
      return state;
  }
}
