import {
  CATEGORIES,
  completePolicy,
  slaPolicyProblems,
  type CategoryCode,
  type SlaPolicy,
  type StoredSlaPolicy,
} from '../catalogue/categories';
import { workingHoursProblems, type WorkingHours } from '../calendar/working-hours';
import type { Command, Event } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole, type ActorRef } from '../shared/principal';
import { decideBuilding, evolveBuildings, type Building, type BuildingEvent, type SetBuilding } from './buildings';

export const communityStream = (id: string) => `community-${id}`;

export type CommunityRegistered = Event<
  'CommunityRegistered',
  {
    communityId: string;
    name: string;
    subdistrict: string;
    neighbourhood: string;
    households: number | null;
    propertyCompanyId: string;
    registeredAt: string;
    by: ActorRef;
  }
>;
export type SlaPolicySet = Event<
  'SlaPolicySet',
  /** Written before SPEC §4.9 without clock, warnAtPercent and ladder: read with their defaults. */
  { communityId: string; category: CategoryCode; policy: StoredSlaPolicy; setAt: string; by: ActorRef }
>;
export type PropertyCompanyAppointed = Event<
  'PropertyCompanyAppointed',
  { communityId: string; companyId: string; previousCompanyId: string; handoverId: string; appointedAt: string }
>;
/** SPEC §3: from now on, business minutes in this community run within these hours. */
export type WorkingHoursSet = Event<'WorkingHoursSet', { communityId: string; start: string; end: string; setAt: string; by: ActorRef }>;
export type CommunityEvent = CommunityRegistered | SlaPolicySet | PropertyCompanyAppointed | BuildingEvent | WorkingHoursSet;

export type RegisterCommunity = Command<
  'RegisterCommunity',
  {
    communityId: string;
    name: string;
    subdistrict: string;
    neighbourhood: string;
    households: number | null;
    propertyCompanyId: string;
    /** Looked up by the caller: the domain only judges. */
    companyExists: boolean;
  }
>;
/** The fields a policy body leaves out take SPEC §4.9's defaults for the category. */
export type SetSlaPolicy = Command<'SetSlaPolicy', { category: CategoryCode; policy: StoredSlaPolicy }>;
/** Issued by the handover process when a handover completes; a repeat changes nothing. */
export type AppointPropertyCompany = Command<'AppointPropertyCompany', { companyId: string; handoverId: string }>;
export type SetWorkingHours = Command<'SetWorkingHours', WorkingHours>;
export type CommunityCommand = RegisterCommunity | SetSlaPolicy | AppointPropertyCompany | SetBuilding | SetWorkingHours;

export type Community =
  | Readonly<{ exists: false }>
  | Readonly<{
      exists: true;
      id: string;
      name: string;
      propertyCompanyId: string;
      slaPolicies: Readonly<Partial<Record<CategoryCode, SlaPolicy>>>;
      /** By building code (SPEC §3); filing a ticket checks its place against them. */
      buildings?: Readonly<Record<string, Building>>;
      /** SPEC §3: when business minutes run; absent means the default 08:30–17:30. */
      workingHours?: WorkingHours;
    }>;

export const slaFor = (community: Community, category: CategoryCode): SlaPolicy =>
  (community.exists ? community.slaPolicies[category] : undefined) ?? CATEGORIES[category].defaultSla;

export const communityDecider = {
  initialState: (): Community => ({ exists: false }),
  evolve(state: Community, event: CommunityEvent): Community {
    switch (event.type) {
      case 'CommunityRegistered':
        return {
          exists: true,
          id: event.data.communityId,
          name: event.data.name,
          propertyCompanyId: event.data.propertyCompanyId,
          slaPolicies: {},
          buildings: {},
        };
      case 'SlaPolicySet':
        return state.exists
          ? {
              ...state,
              slaPolicies: { ...state.slaPolicies, [event.data.category]: completePolicy(event.data.category, event.data.policy) },
            }
          : state;
      case 'PropertyCompanyAppointed':
        return state.exists ? { ...state, propertyCompanyId: event.data.companyId } : state;
      case 'BuildingRegistered':
      case 'BuildingChanged':
        return state.exists ? { ...state, buildings: evolveBuildings(state.buildings, event) } : state;
      case 'WorkingHoursSet':
        return state.exists ? { ...state, workingHours: { start: event.data.start, end: event.data.end } } : state;
      default:
        return state;
    }
  },
  decide(command: CommunityCommand, state: Community): CommunityEvent[] {
    const { actor, now } = command.metadata;
    if (command.type === 'AppointPropertyCompany') return appoint(command, state);
    if (command.type === 'SetBuilding') return decideBuilding(command, state);
    if (command.type === 'SetWorkingHours') return setWorkingHours(command, state);
    if (!hasRole(actor, 'admin')) throw new DomainError('ADMIN_ONLY', 'communities and SLA policies');
    switch (command.type) {
      case 'RegisterCommunity': {
        const { companyExists, ...data } = command.data;
        if (state.exists) throw new DomainError('COMMUNITY_EXISTS', data.communityId);
        if (!companyExists) throw new DomainError('COMPANY_NOT_FOUND', data.propertyCompanyId);
        return [{ type: 'CommunityRegistered', data: { ...data, registeredAt: now, by: actorRef(actor) } }];
      }
      case 'SetSlaPolicy': {
        if (!state.exists) throw new DomainError('COMMUNITY_NOT_FOUND');
        const problems = slaPolicyProblems(command.data.policy);
        if (problems.length > 0) throw new DomainError('INVALID_SLA_POLICY', problems.join('; '));
        const policy = completePolicy(command.data.category, command.data.policy);
        return [
          {
            type: 'SlaPolicySet',
            data: { communityId: state.id, category: command.data.category, policy, setAt: now, by: actorRef(actor) },
          },
        ];
      }
    }
  },
};

/** Admin, or a manager of the company managing the community now; the same hours again append nothing. */
function setWorkingHours(command: SetWorkingHours, state: Community): CommunityEvent[] {
  const { actor, now } = command.metadata;
  if (!state.exists) throw new DomainError('COMMUNITY_NOT_FOUND');
  const manages = hasRole(actor, 'manager') && actor.companyId === state.propertyCompanyId;
  if (!hasRole(actor, 'admin') && !manages) throw new DomainError('WORKING_HOURS_NOT_ALLOWED');
  const problems = workingHoursProblems(command.data);
  if (problems.length > 0) throw new DomainError('WORKING_HOURS_INVALID', problems.join('; '));
  const { start, end } = command.data;
  if (state.workingHours?.start === start && state.workingHours.end === end) return [];
  return [{ type: 'WorkingHoursSet', data: { communityId: state.id, start, end, setAt: now, by: actorRef(actor) } }];
}

function appoint(command: AppointPropertyCompany, state: Community): CommunityEvent[] {
  if (!state.exists) throw new DomainError('COMMUNITY_NOT_FOUND');
  const { companyId, handoverId } = command.data;
  if (state.propertyCompanyId === companyId) return [];
  const data = {
    communityId: state.id,
    companyId,
    previousCompanyId: state.propertyCompanyId,
    handoverId,
    appointedAt: command.metadata.now,
  };
  return [{ type: 'PropertyCompanyAppointed', data }];
}
