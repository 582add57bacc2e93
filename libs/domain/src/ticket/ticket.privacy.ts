import { hasRole, type Principal } from '../shared/principal';
import { canSeeTicket, isReporter, oversees, type TicketScope } from './ticket.access';
import type { TicketEvent, Visibility } from './ticket.events';

/** What the company's people see instead of an anonymous reporter (SPEC §4.7). */
export const ANONYMOUS_REPORTER = '匿名居民';

/** The actor shown in place of the anonymous reporter: no id, the display name, the role they had. */
export const ANONYMOUS_ACTOR = Object.freeze({ id: null, name: ANONYMOUS_REPORTER, roles: Object.freeze(['resident'] as const) });

export type PrivacyScope = TicketScope & Readonly<{ anonymous: boolean; visibility: Visibility }>;

/**
 * A resident of the community who is not the ticket's reporter, on a community-visible ticket: they
 * see its title, category, place, status, photos and support count, never who reported it, its
 * description, comments or timeline, and may support it (SPEC §4.7).
 */
export function seesAsNeighbour(viewer: Principal, ticket: PrivacyScope): boolean {
  return (
    ticket.visibility === 'community' &&
    hasRole(viewer, 'resident') &&
    viewer.communities.includes(ticket.communityId) &&
    !canSeeTicket(viewer, ticket)
  );
}

/**
 * Whether the viewer may know who reported the ticket. An anonymous ticket hides its reporter from
 * the company's people (staff and managers of any company) and from everyone else who is not the
 * reporter, the community's committee, secretary or officials, or an admin. Every read path asks
 * this one question: ticket, list, timeline, the reporterId filter (and Open311 later).
 */
export function seesReporter(viewer: Principal, ticket: Pick<PrivacyScope, 'anonymous' | 'communityId' | 'reporterId'>): boolean {
  if (!ticket.anonymous) return true;
  return isReporter(viewer, ticket) || hasRole(viewer, 'admin') || oversees(viewer, ticket.communityId);
}

/** Masked: the ids to hide from this viewer are replaced wherever they appear in an event's data. */
export function maskIds<T>(value: T, hidden: ReadonlySet<string>): T {
  if (hidden.size === 0) return value;
  return mask(value, hidden) as T;
}

function mask(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return hidden.has(value) ? null : value;
  if (Array.isArray(value)) return value.map((v) => mask(v, hidden));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // An actor reference ({id, roles}) naming a hidden person becomes the anonymous actor.
  if (typeof record.id === 'string' && hidden.has(record.id) && Array.isArray(record.roles)) return { ...ANONYMOUS_ACTOR };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, mask(v, hidden)]));
}

/** A ticket view as this viewer may see it: the reporter masked when anonymous to them. */
export function maskReporter<T extends Readonly<{ reporterId: string | null }>>(
  viewer: Principal,
  ticket: T & Pick<PrivacyScope, 'anonymous' | 'communityId'>,
): T & Readonly<{ reporter?: string }> {
  if (seesReporter(viewer, ticket)) return ticket;
  return { ...ticket, reporterId: null, reporter: ANONYMOUS_REPORTER };
}

/**
 * The people a timeline must not name to this viewer: the ticket's anonymous reporter and then all
 * its supporters, and the reporters of anonymous duplicates merged into it (now its supporters),
 * unless the viewer may see who they are.
 */
export function hiddenReporters(
  viewer: Principal,
  ticket: Pick<PrivacyScope, 'anonymous' | 'communityId' | 'reporterId'>,
  events: readonly TicketEvent[],
): ReadonlySet<string> {
  const hidden = new Set<string>();
  if (ticket.reporterId !== null && !seesReporter(viewer, ticket)) {
    hidden.add(ticket.reporterId);
    // Its supporters too, all alike: were they shown, the one supporter left masked (or missing)
    // would be the reporter, e.g. of a duplicate someone filed for them and merged into this one.
    for (const e of events) {
      if (e.type === 'TicketSupported') hidden.add(e.data.by.id);
      if (e.type === 'TicketDuplicateMerged' && e.data.supporterId !== null) hidden.add(e.data.supporterId);
    }
  }
  for (const e of events) {
    if (e.type !== 'TicketDuplicateMerged' || !e.data.supporterAnonymous || e.data.supporterId === null) continue;
    const supporter = { anonymous: true, communityId: ticket.communityId, reporterId: e.data.supporterId };
    if (!seesReporter(viewer, supporter)) hidden.add(e.data.supporterId);
  }
  return hidden;
}
