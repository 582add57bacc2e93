import { BadRequestException } from '@nestjs/common';
import { CATEGORIES, isCategory, type TicketLocation } from '@jinlin/domain';
import { TICKET_ID } from '../../tickets/ticket-id.pipe';
import type { Open311Contact, Open311Facts } from '../open311-store';
import type { Open311Params } from '../open311-params';

/** What POST /tickets would be sent for this request: validated there, by the same DTO. */
export type TicketBody = {
  communityId?: string;
  category?: string;
  title?: string;
  description?: string;
  location?: TicketLocation;
  channel: 'app';
  reporterId?: string;
  attachmentIds?: string[];
};

export type ServiceRequestForm = Readonly<{ ticket: TicketBody; contact: Open311Contact; facts: Open311Facts }>;

const TITLE_MAX = 120;
const CONTACT_MAX = { email: 254, first_name: 50, last_name: 50, phone: 30 } as const;

/**
 * A GeoReport v2 POST as a ticket filing (SPEC §7): `jurisdiction_id` is the community,
 * `service_code` the category; the place from `attribute[building|unit|room]`, `address_id` (a
 * building code) and `address_string` (the note); `account_id` the resident it is filed for. Open311
 * has no title: the service's name and the description's first line make one.
 * Our own attachment URLs become `attachmentIds`; any other `media_url` is kept as written.
 */
export function serviceRequestForm(p: Open311Params, origin: string): ServiceRequestForm {
  const problems: string[] = [];
  const lat = p.number('lat');
  const long = p.number('long');
  if ((lat === undefined) !== (long === undefined)) problems.push('lat and long come together');
  if (lat !== undefined && (lat < -90 || lat > 90)) problems.push('lat must be within -90..90');
  if (long !== undefined && (long < -180 || long > 180)) problems.push('long must be within -180..180');
  const building = p.attribute('building') ?? p.get('address_id');
  const addressString = p.get('address_string');
  if (lat === undefined && building === undefined && addressString === undefined) {
    problems.push('a location is required: lat and long, address_string, address_id or attribute[building]');
  }
  const contact = contactOf(p, problems);
  const media = mediaOf(p.get('media_url'), origin, problems);
  if (problems.length) throw new BadRequestException(problems);
  const category = p.get('service_code');
  const description = p.get('description');
  const note = addressString ?? (lat !== undefined ? `${lat},${long}` : undefined);
  const location = definedOnly({ building, unit: p.attribute('unit'), room: p.attribute('room'), note });
  const ticket: TicketBody = definedOnly({
    communityId: p.get('jurisdiction_id'),
    category,
    title: titleOf(category, description),
    description,
    location: Object.keys(location).length ? location : undefined,
    channel: 'app' as const,
    reporterId: p.get('account_id'),
    attachmentIds: media.attachmentId ? [media.attachmentId] : undefined,
  });
  return { ticket, contact, facts: definedOnly({ lat, long, mediaUrl: media.foreign }) };
}

function titleOf(category: string | undefined, description: string | undefined): string | undefined {
  if (description === undefined || !/\S/.test(description)) return undefined;
  const name = category && isCategory(category) ? CATEGORIES[category].zh : null;
  const line = description.trim().split(/\r?\n/)[0];
  const title = name ? `${name}：${line}` : line;
  const chars = [...title];
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : title;
}

function contactOf(p: Open311Params, problems: string[]): Open311Contact {
  for (const [field, max] of Object.entries(CONTACT_MAX)) {
    const value = p.get(field);
    if (value !== undefined && [...value].length > max) problems.push(`${field} must be at most ${max} characters`);
  }
  const email = p.get('email');
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.push('email must be an email address');
  return definedOnly({ email, firstName: p.get('first_name'), lastName: p.get('last_name'), phone: p.get('phone') });
}

/** `<our origin>/attachments/<id>` names one of the caller's uploads; anything else is only a link, never fetched. */
function mediaOf(url: string | undefined, origin: string, problems: string[]): { attachmentId?: string; foreign?: string } {
  if (url === undefined) return {};
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push('media_url must be an absolute http or https URL');
    return {};
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || url.length > 2000) {
    problems.push('media_url must be an absolute http or https URL of at most 2000 characters');
    return {};
  }
  const own = /^\/attachments\/([^/]+)$/.exec(parsed.pathname);
  if (parsed.origin === new URL(origin).origin && own) {
    if (!TICKET_ID.test(own[1])) problems.push('media_url names no upload of this service');
    return { attachmentId: own[1] };
  }
  return { foreign: url };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
