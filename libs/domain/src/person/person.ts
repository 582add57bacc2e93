import type { Command, Event } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole, type ActorRef, type Role } from '../shared/principal';
import { mayManage, mustSeePerson, type PeopleScope } from './person.access';
import type { Person, PersonShape } from './person.types';

export type { Person, PersonShape, RegisteredPerson } from './person.types';

export const personStream = (id: string) => `person-${id}`;

/**
 * The directory's facts. They name a person by id with roles, communities and company only: a name,
 * phone number, username or password never enters the log (SPEC §2.1), so that erasing them erases them.
 */
export type PersonRegistered = Event<
  'PersonRegistered',
  { personId: string; roles: Role[]; communities: string[]; companyId: string | null; registeredAt: string; by: ActorRef }
>;
export type PersonRolesChanged = Event<
  'PersonRolesChanged',
  { personId: string; roles: Role[]; communities: string[]; changedAt: string; by: ActorRef }
>;
/** The personal data (kept apart from the log) was erased: the id stays, the name shows as [已删除]. */
export type PersonalDataErased = Event<'PersonalDataErased', { personId: string; erasedAt: string; by: ActorRef }>;
export type PersonEvent = PersonRegistered | PersonRolesChanged | PersonalDataErased;

export const PERSON_EVENT_TYPES: readonly PersonEvent['type'][] = ['PersonRegistered', 'PersonRolesChanged', 'PersonalDataErased'];

/** What the caller looked up for the decision: the domain only judges. */
export type PersonLookups = Readonly<{
  scope: PeopleScope;
  companyExists: boolean;
  /** Of the communities named, those not registered. */
  unknownCommunities: readonly string[];
}>;

export type RegisterPerson = Command<'RegisterPerson', PersonShape & { personId: string; lookups: PersonLookups }>;
export type ChangePersonRoles = Command<'ChangePersonRoles', Omit<PersonShape, 'companyId'> & { lookups: PersonLookups }>;
export type ErasePersonalData = Command<'ErasePersonalData', { scope: PeopleScope }>;
export type PersonCommand = RegisterPerson | ChangePersonRoles | ErasePersonalData;

export const COMPANY_ROLES: readonly Role[] = ['staff', 'manager'];
/** Roles that act within communities, so a person holding one belongs to at least one. */
const COMMUNITY_ROLES: readonly Role[] = ['resident', 'committee', 'secretary', 'neighbourhood', 'subdistrict'];

export const personDecider = {
  initialState: (): Person => ({ exists: false }),
  evolve(state: Person, event: PersonEvent): Person {
    switch (event.type) {
      case 'PersonRegistered': {
        const { personId, roles, communities, companyId } = event.data;
        return { exists: true, id: personId, roles, communities, companyId, erased: false };
      }
      case 'PersonRolesChanged':
        return state.exists ? { ...state, roles: event.data.roles, communities: event.data.communities } : state;
      case 'PersonalDataErased':
        return state.exists ? { ...state, erased: true } : state;
      default:
        return state;
    }
  },
  decide(command: PersonCommand, state: Person): PersonEvent[] {
    const { actor, now } = command.metadata;
    switch (command.type) {
      case 'RegisterPerson': {
        const { personId, lookups, ...shape } = command.data;
        // Judged before existence, so that nobody learns which ids exist outside what they may register.
        mustBeValid(shape, lookups);
        mustMayManage(actor, shape, lookups.scope);
        if (state.exists) throw new DomainError('PERSON_EXISTS', personId);
        return [{ type: 'PersonRegistered', data: { personId, ...copy(shape), registeredAt: now, by: actorRef(actor) } }];
      }
      case 'ChangePersonRoles': {
        const person = mustSeePerson(state, actor, command.data.lookups.scope);
        const next = { roles: command.data.roles, communities: command.data.communities, companyId: person.companyId };
        mustBeValid(next, command.data.lookups);
        // Whoever changes a person must be allowed to register them both as they are and as they will be.
        mustMayManage(actor, person, command.data.lookups.scope);
        mustMayManage(actor, next, command.data.lookups.scope);
        const { roles, communities } = copy(next);
        return [{ type: 'PersonRolesChanged', data: { personId: person.id, roles, communities, changedAt: now, by: actorRef(actor) } }];
      }
      case 'ErasePersonalData': {
        const person = mustSeePerson(state, actor, command.data.scope);
        if (actor.id !== person.id && !hasRole(actor, 'admin')) throw new DomainError('ONLY_SELF_OR_ADMIN', 'erase personal data');
        if (person.erased) return [];
        return [{ type: 'PersonalDataErased', data: { personId: person.id, erasedAt: now, by: actorRef(actor) } }];
      }
    }
  },
};

function mustBeValid(shape: PersonShape, lookups: PersonLookups): void {
  const companyRole = shape.roles.some((r) => COMPANY_ROLES.includes(r));
  if (companyRole && !shape.companyId) throw new DomainError('COMPANY_ROLE_NEEDS_COMPANY');
  if (!companyRole && shape.companyId) throw new DomainError('COMPANY_ONLY_FOR_COMPANY_ROLES');
  if (companyRole && shape.roles.includes('resident')) throw new DomainError('RESIDENT_AND_COMPANY_ROLE');
  if (shape.companyId && !lookups.companyExists) throw new DomainError('UNKNOWN_COMPANY', shape.companyId);
  if (lookups.unknownCommunities.length > 0) throw new DomainError('UNKNOWN_COMMUNITIES', lookups.unknownCommunities.join(', '));
  const needing = shape.roles.filter((r) => COMMUNITY_ROLES.includes(r));
  if (needing.length > 0 && shape.communities.length === 0) throw new DomainError('COMMUNITIES_NEEDED', needing.join('/'));
}

function mustMayManage(actor: Parameters<typeof mayManage>[0], shape: PersonShape, scope: PeopleScope): void {
  const verdict = mayManage(actor, shape, scope);
  if (verdict !== true) throw new DomainError('PEOPLE_NOT_ALLOWED', verdict);
}

/** Events own their arrays: a caller's later change to its input cannot reach the log. */
const copy = (shape: PersonShape) => ({
  roles: [...new Set(shape.roles)],
  communities: [...new Set(shape.communities)],
  companyId: shape.companyId,
});
