import { Forbidden, NotFound, RuleBroken } from '../shared/domain-error';
import { hasRole, type Principal } from '../shared/principal';
import { canSeeTicket, isManagingCompanyUser, isReporter, supervises } from './ticket.access';
import { ESCALATION_LEVELS, type EscalationLevel } from './ticket.events';
import type { FiledTicket, Ticket, TicketStatus } from './ticket.state';

/** Missing, or outside the caller's scope: the same answer, so existence is not disclosed. */
export function mustSee(state: Ticket, actor: Principal, managingCompanyId: string | null): FiledTicket {
  if (!state.exists || !canSeeTicket(actor, { ...state, managingCompanyId })) throw new NotFound('TICKET_NOT_FOUND', 'no such ticket');
  return state;
}

export function mustBeCompany(actor: Principal, managingCompanyId: string | null, what: string, managerOnly = false): void {
  const company = isManagingCompanyUser(actor, managingCompanyId) && (!managerOnly || hasRole(actor, 'manager'));
  if (!company && !hasRole(actor, 'admin')) {
    throw new Forbidden(
      managerOnly ? 'MANAGER_ONLY' : 'COMPANY_ONLY',
      `only the managing company's ${managerOnly ? 'manager' : 'staff'} may ${what}`,
    );
  }
}

export function mustBeReporter(actor: Principal, ticket: FiledTicket, what: string): void {
  if (!isReporter(actor, ticket)) throw new Forbidden('REPORTER_ONLY', `only the reporter may ${what}`);
}

export function mustMayEscalate(actor: Principal, ticket: FiledTicket): void {
  if (!isReporter(actor, ticket) && !supervises(actor, ticket.communityId) && !hasRole(actor, 'admin')) {
    throw new Forbidden('ESCALATE_NOT_ALLOWED', 'only the reporter, the committee or the secretary may escalate');
  }
}

/** Rule 5: nothing but rating and comments once a ticket is closed or withdrawn. */
export function mustBeActive(ticket: FiledTicket): void {
  if (ticket.status === 'closed' || ticket.status === 'withdrawn') {
    throw new RuleBroken('TICKET_FINISHED', `the ticket is ${ticket.status}; only ratings and comments are accepted`);
  }
}

export function mustBeIn(ticket: FiledTicket, allowed: readonly TicketStatus[], code: string, message: string): void {
  mustBeActive(ticket);
  if (!allowed.includes(ticket.status)) throw new RuleBroken(code, `${message} (status: ${ticket.status})`);
}

export function mustBeHigherEscalation(ticket: FiledTicket, level: EscalationLevel): void {
  const current = ticket.escalationLevel ? ESCALATION_LEVELS.indexOf(ticket.escalationLevel) : -1;
  if (ESCALATION_LEVELS.indexOf(level) <= current) {
    throw new RuleBroken('ESCALATION_NOT_HIGHER', `already escalated to ${ticket.escalationLevel}; escalate to a higher level`);
  }
}
