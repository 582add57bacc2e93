import type { Community } from '../community/community';
import { DomainError } from '../shared/domain-error';
import type { TicketLocation } from './ticket.place';

type KnownCommunity = Extract<Community, { exists: true }>;

/** The building and unit must be registered for the community; a unit is always a unit of a building. */
export function mustBeRegisteredPlace(community: KnownCommunity, location: TicketLocation | null): void {
  if (!location) return;
  const { building, unit } = location;
  const registered = building === undefined ? undefined : community.buildings?.[building];
  if (building !== undefined && !registered) throw new DomainError('UNKNOWN_BUILDING', building, community.id);
  if (unit === undefined) return;
  if (!registered) throw new DomainError('UNKNOWN_UNIT', unit, null);
  if (!registered.units.includes(unit)) throw new DomainError('UNKNOWN_UNIT', unit, registered.code);
}
