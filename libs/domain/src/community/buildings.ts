import type { Command, Event } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole, type ActorRef, type Principal } from '../shared/principal';

/** SPEC §3: `3` for 3号楼; units are free text such as `2单元`. */
export const BUILDING_CODE = /^[a-z0-9-]{1,32}$/;
export const BUILDING_LIMITS = { name: 50, unit: 20, units: 200 } as const;

export type Building = Readonly<{ code: string; name: string; units: readonly string[] }>;

type BuildingData = { communityId: string; building: string; name: string; units: readonly string[]; by: ActorRef };
export type BuildingRegistered = Event<'BuildingRegistered', BuildingData & { registeredAt: string }>;
/** The whole building as it is now: a PUT replaces the name and the list of units. */
export type BuildingChanged = Event<'BuildingChanged', BuildingData & { changedAt: string }>;
export type BuildingEvent = BuildingRegistered | BuildingChanged;
export const BUILDING_EVENT_TYPES: readonly BuildingEvent['type'][] = ['BuildingRegistered', 'BuildingChanged'];

export type SetBuilding = Command<'SetBuilding', { building: string; name: string; units: readonly string[] }>;

/** What the community's state must say for buildings to be judged (a part of Community). */
type CommunityForBuildings = Readonly<{
  exists: true;
  id: string;
  propertyCompanyId: string;
  buildings?: Readonly<Record<string, Building>>;
}>;

/** Anyone who may see the community: admins, its people by their token, the company managing it now. */
export function seesCommunity(actor: Principal, community: { id: string; propertyCompanyId: string }): boolean {
  if (hasRole(actor, 'admin') || actor.communities.includes(community.id)) return true;
  return hasRole(actor, 'staff', 'manager') && actor.companyId === community.propertyCompanyId;
}

/** Admin; a manager of the company managing the community now; its committee (SPEC §3). */
export function mayRegisterBuildings(actor: Principal, community: { id: string; propertyCompanyId: string }): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (hasRole(actor, 'manager') && actor.companyId === community.propertyCompanyId) return true;
  return hasRole(actor, 'committee') && actor.communities.includes(community.id);
}

/** The shape rules, also checked by the HTTP layer; here so that no caller writes a building that breaks them. */
export function buildingProblem(data: SetBuilding['data']): string | null {
  if (!BUILDING_CODE.test(data.building)) return 'building must be 1-32 characters of a-z, 0-9 and -';
  const name = [...data.name.trim()].length;
  if (name < 1 || [...data.name].length > BUILDING_LIMITS.name) return `name must be 1 to ${BUILDING_LIMITS.name} characters`;
  if (data.units.length > BUILDING_LIMITS.units) return `units must hold at most ${BUILDING_LIMITS.units} units`;
  const bad = data.units.find((u) => u.trim() === '' || [...u].length > BUILDING_LIMITS.unit);
  if (bad !== undefined) return `units: each unit must be 1 to ${BUILDING_LIMITS.unit} characters`;
  const twice = data.units.find((u, i) => data.units.indexOf(u) !== i);
  if (twice !== undefined) return `units: ${twice} is listed twice`;
  return null;
}

const sameBuilding = (a: Building, b: SetBuilding['data']) =>
  a.name === b.name && a.units.length === b.units.length && a.units.every((u, i) => u === b.units[i]);

/** A PUT: registers the building, or changes it; the same building again appends nothing. */
export function decideBuilding(command: SetBuilding, state: Readonly<{ exists: false }> | CommunityForBuildings): BuildingEvent[] {
  const { actor, now } = command.metadata;
  if (!state.exists || !seesCommunity(actor, state)) throw new DomainError('COMMUNITY_NOT_FOUND');
  if (!mayRegisterBuildings(actor, state)) throw new DomainError('BUILDINGS_NOT_ALLOWED');
  const problem = buildingProblem(command.data);
  if (problem) throw new DomainError('INVALID_BUILDING', problem);
  const { building, name, units } = command.data;
  const before = state.buildings?.[building];
  if (before && sameBuilding(before, command.data)) return [];
  const data = { communityId: state.id, building, name, units: [...units], by: actorRef(actor) };
  return before
    ? [{ type: 'BuildingChanged', data: { ...data, changedAt: now } }]
    : [{ type: 'BuildingRegistered', data: { ...data, registeredAt: now } }];
}

export function evolveBuildings(
  buildings: Readonly<Record<string, Building>> | undefined,
  event: BuildingEvent,
): Readonly<Record<string, Building>> {
  const { building, name, units } = event.data;
  return { ...buildings, [building]: { code: building, name, units } };
}
