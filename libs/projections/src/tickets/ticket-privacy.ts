import { maskReporter, seesAsNeighbour, type Principal, type Visibility } from '@jinlin/domain';
import type { TicketView } from './ticket.view';

/**
 * What a neighbour sees of a community-visible ticket (SPEC §4.7): title, category, place, status
 * and support count (photos join this list when tickets carry them). Never the reporter, the
 * description, comments, assignee or rating.
 */
export type NeighbourTicketView = Pick<
  TicketView,
  'id' | 'communityId' | 'category' | 'title' | 'location' | 'status' | 'visibility' | 'supportCount' | 'filedAt' | 'version'
> &
  Readonly<{ reporterId: null; assigneeId: null; view: 'community' }>;

export type VisibleTicketView = (TicketView & Readonly<{ reporter?: string }>) | NeighbourTicketView;

/** A neighbour (SPEC §4.7) sees this ticket only in part: see visibleTo. */
export const asNeighbour = (
  viewer: Principal,
  t: Pick<TicketView, 'communityId' | 'reporterId' | 'companyId' | 'anonymous' | 'visibility'>,
) => seesAsNeighbour(viewer, privacyOf(t));

const privacyOf = (t: Pick<TicketView, 'communityId' | 'reporterId' | 'companyId' | 'anonymous' | 'visibility'>) => ({
  communityId: t.communityId,
  reporterId: t.reporterId,
  // The company recorded on the row is the managing one: a handover's transfer moves it.
  managingCompanyId: t.companyId,
  anonymous: t.anonymous,
  visibility: t.visibility as Visibility,
});

/**
 * The place as neighbours see it: building, unit and public area. The room and the free-text note
 * would point at the reporter's own flat (1203), so they stay with those who see the whole ticket.
 */
export function publicPlace(location: TicketView['location']): TicketView['location'] {
  if (!location) return location;
  const { building, unit, area } = location;
  const place = { ...(building ? { building } : {}), ...(unit ? { unit } : {}), ...(area ? { area } : {}) };
  return Object.keys(place).length ? place : null;
}

/** Every read of rm_tickets passes here: the domain's rules of who sees what, applied to a view. */
export function visibleTo(viewer: Principal, t: TicketView): VisibleTicketView {
  if (asNeighbour(viewer, t)) {
    const { id, communityId, category, title, location, status, visibility, supportCount, filedAt, version } = t;
    return {
      id,
      communityId,
      category,
      title,
      location: publicPlace(location),
      status,
      visibility,
      supportCount,
      filedAt,
      version,
      reporterId: null,
      assigneeId: null,
      view: 'community',
    };
  }
  return maskReporter(viewer, t);
}
