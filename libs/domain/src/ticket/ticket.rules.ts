import { DomainError } from '../shared/domain-error';
import { hasRole, type Principal } from '../shared/principal';
import { canSeeTicket, isManagingCompanyUser, isReporter, supervises } from './ticket.access';
import { ESCALATION_LEVELS, type EscalationLevel } from './ticket.events';
import type { FiledTicket, Ticket, TicketStatus } from './ticket.state';

/** Missing, or outside the caller's scope: the same answer, so existence is not disclosed. */
export function mustSee(state: Ticket, actor: Principal, managingCompanyId: string | null): FiledTicket {
  if (!state.exists || !canSeeTicket(actor, { ...state, managingCompanyId })) throw new DomainError('TICKET_NOT_FOUND');
  return state;
}

export function mustBeCompany(actor: Principal, managingCompanyId: string | null, what: string, managerOnly = false): void {
  const company = isManagingCompanyUser(actor, managingCompanyId) && (!managerOnly || hasRole(actor, 'manager'));
  if (!company && !hasRole(actor, 'admin')) throw new DomainError(managerOnly ? 'MANAGER_ONLY' : 'COMPANY_ONLY', what);
}

export function mustBeReporter(actor: Principal, ticket: FiledTicket, what: string): void {
  if (!isReporter(actor, ticket)) throw new DomainError('REPORTER_ONLY', what);
}

export function mustMayEscalate(actor: Principal, ticket: FiledTicket): void {
  if (!isReporter(actor, ticket) && !supervises(actor, ticket.communityId) && !hasRole(actor, 'admin')) {
    throw new DomainError('ESCALATE_NOT_ALLOWED');
  }
}

/** Rule 5: nothing but rating and comments once a ticket is closed or withdrawn. */
export function mustBeActive(ticket: FiledTicket): void {
  if (ticket.status === 'closed' || ticket.status === 'withdrawn') throw new DomainError('TICKET_FINISHED', ticket.status);
}

/** An active ticket in one of the allowed statuses; otherwise `refuse` names the refusal for the status it is in. */
export function mustBeIn(ticket: FiledTicket, allowed: readonly TicketStatus[], refuse: (status: TicketStatus) => DomainError): void {
  mustBeActive(ticket);
  if (!allowed.includes(ticket.status)) throw refuse(ticket.status);
}

export function mustBeHigherEscalation(ticket: FiledTicket, level: EscalationLevel): void {
  const current = ticket.escalationLevel ? ESCALATION_LEVELS.indexOf(ticket.escalationLevel) : -1;
  if (ESCALATION_LEVELS.indexOf(level) <= current) throw new DomainError('ESCALATION_NOT_HIGHER', ticket.escalationLevel);
}
