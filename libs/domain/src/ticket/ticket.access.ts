import { OVERSEER_ROLES } from '../person/person.access';
import { hasRole, type Principal } from '../shared/principal';

export type TicketScope = Readonly<{ communityId: string; reporterId: string | null; managingCompanyId: string | null }>;

/** Staff of the company that manages the community now (from events, not from the token). */
export const isManagingCompanyUser = (actor: Principal, managingCompanyId: string | null): boolean =>
  hasRole(actor, 'staff', 'manager') && !!actor.companyId && actor.companyId === managingCompanyId;

/**
 * The committee and the secretary take part in the community's affairs: they file tickets (for
 * residents too), run handover steps and follow up (SPEC §2).
 */
export const supervises = (actor: Principal, communityId: string): boolean =>
  hasRole(actor, 'committee', 'secretary') && actor.communities.includes(communityId);

/**
 * They and the 社区/街道 officials watch over it: they see its tickets and timelines, comment
 * (internally too), escalate and read its dashboards, but file nothing themselves.
 */
export const oversees = (actor: Principal, communityId: string): boolean =>
  hasRole(actor, ...OVERSEER_ROLES) && actor.communities.includes(communityId);

/** A ticket without a reporter has no one who is it (SPEC §4.1). */
export const isReporter = (actor: Principal, ticket: Pick<TicketScope, 'reporterId'>): boolean =>
  ticket.reporterId !== null && actor.id === ticket.reporterId;

/** Outside this, a ticket does not exist for the caller (404, never 403). */
export function canSeeTicket(actor: Principal, ticket: TicketScope): boolean {
  return (
    hasRole(actor, 'admin') ||
    oversees(actor, ticket.communityId) ||
    isManagingCompanyUser(actor, ticket.managingCompanyId) ||
    (hasRole(actor, 'resident') && isReporter(actor, ticket))
  );
}

/** Internal comments are for the company and the overseers, never for residents. */
export const seesInternal = (actor: Principal, ticket: TicketScope): boolean =>
  hasRole(actor, 'admin') || oversees(actor, ticket.communityId) || isManagingCompanyUser(actor, ticket.managingCompanyId);
