import type { VisibleTicketView } from '@jinlin/projections';
import { categoryName, STATUS_NAMES } from '../dashboards/report-format';
import type { StoredFacts } from './open311-store';

/** GeoReport v2 knows two states; everything a resident still waits on is `open`. */
const CLOSED = new Set(['resolved', 'closed', 'withdrawn', 'merged']);
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];
export const ticketStatusesOf = (status: Open311Status): string[] =>
  Object.keys(STATUS_NAMES).filter((s) => CLOSED.has(s) === (status === 'closed'));

export type ServiceRequest = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

export type RequestContext = Readonly<{
  companyName: (id: string) => string | null;
  facts: StoredFacts | undefined;
  /** The absolute URL of the ticket's first filing photo, when it has one. */
  photoUrl: string | null;
}>;

/**
 * The one mapping from a ticket, as the caller may see it (scope, anonymity and the neighbour's
 * partial view already applied by the JSON API's read), to a GeoReport v2 service request. A
 * reporter never appears: Open311 has no field for one.
 */
export function toServiceRequest(t: VisibleTicketView, ctx: RequestContext): ServiceRequest {
  const whole = 'view' in t ? null : t;
  const place = t.location;
  return {
    service_request_id: t.id,
    status: CLOSED.has(t.status) ? 'closed' : 'open',
    status_notes: `${STATUS_NAMES[t.status] ?? t.status} (${t.status})`,
    service_name: categoryName(t.category),
    service_code: t.category,
    description: whole?.description ?? null,
    agency_responsible: whole ? ctx.companyName(whole.companyId) : null,
    service_notice: null,
    requested_datetime: t.filedAt!,
    updated_datetime: whole ? lastChange(whole) : t.filedAt!,
    expected_datetime: whole?.deadlines.resolveBy ?? null,
    address: addressOf(place),
    address_id: place?.building ?? null,
    lat: ctx.facts?.lat ?? null,
    long: ctx.facts?.long ?? null,
    media_url: ctx.photoUrl ?? (whole ? (ctx.facts?.mediaUrl ?? null) : null),
  };
}

type Whole = Exclude<VisibleTicketView, { view: 'community' }>;

/** The latest moment the read model knows the ticket changed (never null: filing is a change). */
function lastChange(t: Whole): string {
  const moments = [t.filedAt, t.acknowledgedAt, t.firstActionAt, t.resolvedAt, t.closedAt, t.withdrawnAt, t.mergedAt, t.waitingSince];
  if (t.followUps.last) moments.push(t.followUps.last.at);
  return moments
    .filter((m): m is string => typeof m === 'string')
    .reduce((latest, m) => (new Date(m) > new Date(latest) ? m : latest), t.filedAt!);
}

function addressOf(place: VisibleTicketView['location']): string | null {
  if (!place) return null;
  // Building codes are mostly numbers (`3` for 3号楼); another code is written as it is.
  const building = place.building && /^\d+$/.test(place.building) ? `${place.building}号楼` : place.building;
  const parts = [building, place.unit, place.room, place.area, place.note];
  const text = parts.filter((p): p is string => !!p).join(' ');
  return text || null;
}
