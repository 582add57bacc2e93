import type { Community } from '../community/community';
import { mustBeAssigneeCandidate, mustBeReporterCandidate } from '../person/person.access';
import type { Person } from '../person/person.types';
import { DomainError } from '../shared/domain-error';
import { hasRole, isPlainResident, type Principal } from '../shared/principal';
import { canSeeTicket, isManagingCompanyUser, isReporter, oversees, supervises } from './ticket.access';
import type { NamedPerson } from './ticket.commands';
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

/** Confirm, reject, rate, withdraw: the reporter's, and nobody's on a ticket without one (SPEC §4.2 rule 2). */
export function mustBeReporter(actor: Principal, ticket: FiledTicket, what: string): void {
  if (ticket.reporterId === null) throw new DomainError('NO_REPORTER', what);
  if (!isReporter(actor, ticket)) throw new DomainError('REPORTER_ONLY', what);
}

export function mustMayEscalate(actor: Principal, ticket: FiledTicket): void {
  if (!isReporter(actor, ticket) && !oversees(actor, ticket.communityId) && !hasRole(actor, 'admin')) {
    throw new DomainError('ESCALATE_NOT_ALLOWED');
  }
}

/** Closed, withdrawn or merged: SPEC §4.2 rule 5's terminal states. */
export const isFinished = (ticket: Pick<FiledTicket, 'status'>): boolean =>
  ticket.status === 'closed' || ticket.status === 'withdrawn' || ticket.status === 'merged';

/** Rule 5: nothing but rating and comments once a ticket is closed, withdrawn or merged. */
export function mustBeActive(ticket: FiledTicket): void {
  if (isFinished(ticket)) throw new DomainError('TICKET_FINISHED', ticket.status);
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

type KnownCommunity = Extract<Community, { exists: true }>;

/**
 * Who may file, and who the reporter then is (SPEC §4.1). A resident filing in their own community
 * is the reporter. The managing company's staff, the committee, the secretary and admins file for
 * the registered resident they name, or for nobody: null, a ticket without a reporter. Only a
 * resident is ever a reporter, so a company never rates its own work.
 */
export function reporterOfNewTicket(actor: Principal, community: KnownCommunity, named: NamedPerson | undefined): string | null {
  const residentHere = isPlainResident(actor) && actor.communities.includes(community.id);
  const filesForOthers =
    hasRole(actor, 'admin') || supervises(actor, community.id) || isManagingCompanyUser(actor, community.propertyCompanyId);
  if (!filesForOthers && !residentHere) throw new DomainError('NOT_YOUR_COMMUNITY', community.id);
  if (!named) return residentHere ? actor.id : null;
  if (!filesForOthers) throw new DomainError('REPORTER_ID_NOT_ALLOWED');
  mustBeReporterCandidate(named.person, community.id);
  return named.id;
}

/** Staff or a manager of the company managing the community now; an assignee nobody looked up is none. */
export function mustBeAssignable(assignee: Person | undefined, managingCompanyId: string | null): void {
  mustBeAssigneeCandidate(assignee ?? { exists: false }, managingCompanyId);
}
