import { firstResponseAfter } from './first-response';
import type { CategoryCode } from '../catalogue/categories';
import type { EscalationLevel, TicketEvent, Visibility } from './ticket.events';

export type TicketStatus = 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn' | 'merged';

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
    case 'TicketAssigned':
      return { ...state, assigneeId: event.data.assigneeId };
    case 'TicketActionRecorded':
      return { ...state, actions: state.actions + 1, status: 'in_progress' };
    case 'TicketResolved':
      return {
        ...state,
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
      return { ...state, status: 'withdrawn' };
    case 'TicketSlaBreached':
      return { ...state, breached: { ...state.breached, [event.data.kind]: true } };
    case 'TicketTransferred':
      return { ...state, companyId: event.data.toCompanyId };
    case 'TicketSupported':
      return { ...state, supporters: [...state.supporters, event.data.by.id] };
    case 'TicketVisibilityChanged':
      return { ...state, visibility: event.data.visibility };
    case 'TicketMerged':
      return { ...state, status: 'merged', mergedInto: event.data.intoTicketId };
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
