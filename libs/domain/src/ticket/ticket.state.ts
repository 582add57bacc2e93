import type { CategoryCode } from '../catalogue/categories';
import type { EscalationLevel, TicketEvent } from './ticket.events';

export type TicketStatus = 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';

export type FiledTicket = Readonly<{
  exists: true;
  id: string;
  communityId: string;
  companyId: string;
  category: CategoryCode;
  reporterId: string;
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
}>;

export type Ticket = Readonly<{ exists: false }> | FiledTicket;

export const isCompanyActor = (by: { roles: readonly string[] }): boolean => by.roles.includes('staff') || by.roles.includes('manager');

const respond = (state: FiledTicket, at: string): FiledTicket => (state.responded ? state : { ...state, responded: true, respondedAt: at });

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
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'TicketAcknowledged':
      return {
        ...respond(state, event.data.acknowledgedAt),
        acknowledged: true,
        status: state.status === 'open' ? 'acknowledged' : state.status,
      };
    case 'TicketAssigned':
      return { ...state, assigneeId: event.data.assigneeId };
    case 'TicketActionRecorded':
      return { ...respond(state, event.data.recordedAt), actions: state.actions + 1, status: 'in_progress' };
    case 'TicketResolved':
      return {
        ...respond(state, event.data.resolvedAt),
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        firstResolvedAt: state.firstResolvedAt ?? event.data.resolvedAt,
      };
    case 'TicketResolutionConfirmed':
    case 'TicketAutoClosed':
      return { ...state, status: 'closed' };
    case 'TicketResolutionRejected':
      return { ...state, status: 'in_progress' };
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
    case 'TicketCommented':
      return !event.data.internal && isCompanyActor(event.data.by) ? respond(state, event.data.commentedAt) : state;
  }
}
