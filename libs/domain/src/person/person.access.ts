import { DomainError } from '../shared/domain-error';
import { hasRole, isCompanyUser, isPlainResident, type Principal, type Role } from '../shared/principal';
import type { Person, PersonShape, RegisteredPerson } from './person.types';

/**
 * What the caller's scope over people depends on besides the token, looked up from the events:
 * the communities the caller's company manages now, and the companies managing the caller's communities.
 */
export type PeopleScope = Readonly<{ managedCommunities: readonly string[]; companiesOfMyCommunities: readonly string[] }>;

export const NO_SCOPE: PeopleScope = { managedCommunities: [], companiesOfMyCommunities: [] };

/** Committee, secretary and the 社区/街道 officials: they oversee their communities. */
export const OVERSEER_ROLES: readonly Role[] = ['committee', 'secretary', 'neighbourhood', 'subdistrict'];

const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * SPEC §2.1: company users see their company's people and the residents of the communities they
 * manage; overseers the people of their communities (and of the companies managing them); a
 * resident only themself. Everyone sees themself; admins everyone.
 */
export function canSeePerson(actor: Principal, person: RegisteredPerson, scope: PeopleScope): boolean {
  if (hasRole(actor, 'admin') || actor.id === person.id) return true;
  if (isCompanyUser(actor)) {
    if (person.companyId === actor.companyId) return true;
    if (person.roles.includes('resident') && meets(person.communities, scope.managedCommunities)) return true;
  }
  if (hasRole(actor, ...OVERSEER_ROLES)) {
    if (meets(person.communities, actor.communities)) return true;
    if (person.companyId && scope.companiesOfMyCommunities.includes(person.companyId)) return true;
  }
  return false;
}

export function mustSeePerson(state: Person, actor: Principal, scope: PeopleScope): RegisteredPerson {
  if (!state.exists || !canSeePerson(actor, state, scope)) throw new DomainError('PERSON_NOT_FOUND');
  return state;
}

/** Phone numbers are masked for everyone but admins and the person (SPEC §2.1). */
export const seesPhone = (actor: Principal, personId: string): boolean => hasRole(actor, 'admin') || actor.id === personId;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * Who may register (and change) whom, SPEC §2.1: admins anyone; a manager staff and managers of
 * their own company (in communities it manages); the committee and the secretary residents of their
 * own communities. `true`, or why not.
 */
export function mayManage(actor: Principal, shape: PersonShape, scope: PeopleScope): true | string {
  if (hasRole(actor, 'admin')) return true;
  if (hasRole(actor, 'manager') && actor.companyId) {
    const ok =
      shape.roles.every((r) => r === 'staff' || r === 'manager') &&
      shape.companyId === actor.companyId &&
      shape.communities.every((c) => scope.managedCommunities.includes(c));
    if (ok) return true;
  }
  if (hasRole(actor, 'committee', 'secretary')) {
    const ok = shape.roles.every((r) => r === 'resident') && shape.communities.every((c) => actor.communities.includes(c));
    if (ok) return true;
  }
  return 'admins register anyone; a manager staff and managers of their own company; the committee and the secretary residents of their communities';
}

/** Who a command may name as the reporter: a registered resident of the ticket's community (SPEC §4.1). */
export function mustBeReporterCandidate(person: Person, communityId: string): void {
  const ok = person.exists && !person.erased && isPlainResident(person) && person.communities.includes(communityId);
  if (!ok) throw new DomainError('NOT_A_CANDIDATE', 'reporterId', `must be a registered resident of community ${communityId}`);
}

/** Who a manager may assign: staff or a manager of the company managing the community now. */
export function mustBeAssigneeCandidate(person: Person, managingCompanyId: string | null): void {
  const ok =
    person.exists &&
    !person.erased &&
    person.roles.some((r) => r === 'staff' || r === 'manager') &&
    !!managingCompanyId &&
    person.companyId === managingCompanyId;
  if (!ok)
    throw new DomainError(
      'NOT_A_CANDIDATE',
      'assigneeId',
      `must be registered staff or a manager of ${managingCompanyId ?? 'the managing company'}`,
    );
}
