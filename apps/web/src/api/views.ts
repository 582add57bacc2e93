/**
 * What the read endpoints answer, for the screens. Where the OpenAPI document types a response, the
 * type here is that schema (components['schemas'][…]); the rest mirror the service's views
 * (libs/projections/src/tickets/ticket.view.ts and friends) until the document describes them.
 */
export type Role = 'resident' | 'staff' | 'manager' | 'committee' | 'secretary' | 'neighbourhood' | 'subdistrict' | 'admin';
export type TicketStatus = 'open' | 'acknowledged' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'withdrawn' | 'merged';
export type WaitingOn = 'resident' | 'parts' | 'third_party';

export type Person = {
  id: string;
  name: string | null;
  roles: Role[];
  communities: string[];
  companyId: string | null;
  phone?: string | null;
  username?: string | null;
  erased?: boolean;
};

export type Session = { person: Person; expiresAt: string; csrfToken: string };

export type Location = { building?: string; unit?: string; room?: string; area?: string; note?: string };

export type AttachmentRef = { id: string; sha256: string; mime: string; width: number; height: number };

export type Ticket = {
  id: string;
  communityId: string;
  companyId: string | null;
  category: string;
  title: string;
  description?: string;
  location: Location | null;
  channel?: string;
  reporterId?: string | null;
  reporterName?: string | null;
  status: TicketStatus;
  assigneeId?: string | null;
  assigneeName?: string | null;
  filedAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  deadlines?: { acknowledgeBy: string | null; resolveBy: string | null };
  slaBreached?: { acknowledge: boolean; resolve: boolean };
  slaWarned?: { acknowledge: boolean; resolve: boolean };
  waitingOn?: WaitingOn | null;
  waitingSince?: string | null;
  rating?: { score: number; comment: string | null } | null;
  escalationLevel?: string | null;
  anonymous?: boolean;
  visibility: 'private' | 'community';
  supportCount: number;
  mergedIntoTicketId?: string | null;
  followUps?: { count: number; last: unknown };
  version: number;
  attachments?: AttachmentRef[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type TimelineEntry = {
  position: number;
  version?: number;
  type: string;
  at: string;
  actor: { id: string | null; name: string | null; roles: Role[] } | null;
  data: Record<string, unknown>;
  hash?: string;
};
export type Timeline = { ticketId: string; events: TimelineEntry[]; chain: 'valid' | 'broken' };

export type Community = {
  id: string;
  name: string;
  subdistrict?: string;
  neighbourhood?: string;
  households?: number;
  propertyCompanyId: string | null;
  slaPolicies?: Record<string, unknown>;
  workingHours?: { start: string; end: string } | null;
};

export type Building = { code: string; name: string; units: string[]; changedAt?: string };

export type Sla = {
  acknowledgeWithinMinutes: number;
  resolveWithinMinutes: number;
  clock: 'business' | 'continuous';
  warnAtPercent: number;
  escalateAfterBreachMinutes: number[];
};
export type Category = { code: string; nameZh: string; nameEn: string; defaultSla: Sla };

export type Notification = { id: string; type: string; ticketId: string | null; summary: string; createdAt: string; readAt: string | null };
