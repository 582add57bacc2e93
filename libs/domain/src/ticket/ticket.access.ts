import { hasRole, type Principal } from '../shared/principal';

export type TicketScope = Readonly<{ communityId: string; reporterId: string; managingCompanyId: string | null }>;

/** Staff of the company that manages the community now (from events, not from the token). */
export const isManagingCompanyUser = (actor: Principal, managingCompanyId: string | null): boolean =>
  hasRole(actor, 'staff', 'manager') && !!actor.companyId && actor.companyId === managingCompanyId;

export const supervises = (actor: Principal, communityId: string): boolean =>
  hasRole(actor, 'committee', 'secretary') && actor.communities.includes(communityId);

export const isReporter = (actor: Principal, ticket: Pick<TicketScope, 'reporterId'>): boolean => actor.id === ticket.reporterId;

/** Outside this, a ticket does not exist for the caller (404, never 403). */
export function canSeeTicket(actor: Principal, ticket: TicketScope): boolean {
  return (
    hasRole(actor, 'admin') ||
    supervises(actor, ticket.communityId) ||
    isManagingCompanyUser(actor, ticket.managingCompanyId) ||
    (hasRole(actor, 'resident') && isReporter(actor, ticket))
  );
}

/** Internal comments are for the company and the supervisors, never for residents. */
export const seesInternal = (actor: Principal, ticket: TicketScope): boolean =>
  hasRole(actor, 'admin') || supervises(actor, ticket.communityId) || isManagingCompanyUser(actor, ticket.managingCompanyId);
