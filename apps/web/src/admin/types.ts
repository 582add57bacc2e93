import type { Community, Sla } from '../api/views';

/** GET /communities/:id (reference-data/get-community): the policies completed with the category's defaults. */
export type CommunityDetail = Community & {
  households: number | null;
  slaPolicies: Record<string, Sla>;
  workingHours: { start: string; end: string };
};

/** GET /calendars/cn/:year (calendars/calendars.ts CalendarYearInForce). */
export type CalendarYear = {
  year: number;
  source: 'built-in' | 'set' | 'none';
  holidays: string[];
  workdays: string[];
  setAt?: string;
  setBy?: string;
};

/** GET /webhooks (libs/projections webhook.queries.ts WebhookView): never the secret. */
export type Webhook = {
  id: string;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk' | 'feishu';
  events: string[] | null;
  communities: string[] | null;
  status: 'active' | 'disabled';
  registeredAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
};

/** GET /webhooks/:id/deliveries (DeliveryView). */
export type Delivery = {
  eventId: string;
  eventType: string;
  ticketId: string;
  position: number;
  status: 'pending' | 'delivered' | 'failed' | 'stopped';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  recordedAt: string;
};

/** A property company as the console can know it: there is no GET /companies, so from where it is named. */

export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk', 'feishu'] as const;
export const CLOCKS = ['business', 'continuous'] as const;

/** The ticket events a webhook can be sent (libs/domain TICKET_EVENT_TYPES); none chosen: all of them. */
export const WEBHOOK_EVENTS = [
  'TicketFiled',
  'TicketAcknowledged',
  'TicketAssigned',
  'TicketActionRecorded',
  'TicketCommented',
  'TicketResolved',
  'TicketResolutionConfirmed',
  'TicketResolutionRejected',
  'TicketRated',
  'TicketEscalated',
  'TicketWithdrawn',
  'TicketAutoClosed',
  'TicketSlaBreached',
  'TicketTransferred',
  'TicketSupported',
  'TicketVisibilityChanged',
  'TicketMerged',
  'TicketDuplicateMerged',
  'TicketFollowedUp',
  'TicketReopened',
  'TicketClosedByFollowUp',
  'TicketWaiting',
  'TicketResumed',
  'TicketSlaWarning',
] as const;

/**
 * The list above is checked against the service's own OpenAPI document (a timeline entry's `type`
 * is the enum of ticket event types): an event added or renamed there fails `npm run typecheck` here
 * instead of going missing from the webhook form.
 */
type EventType = import('../api/views').TimelineEntry['type'];
type Listed = (typeof WEBHOOK_EVENTS)[number];
const sameEvents: [Exclude<EventType, Listed>, Exclude<Listed, EventType>] extends [never, never] ? true : never = true;
void sameEvents;
