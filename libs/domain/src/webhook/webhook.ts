import type { Command, Event } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole, type ActorRef } from '../shared/principal';
import { TICKET_EVENT_TYPES, type TicketEvent } from '../ticket/ticket.events';

export const webhookStream = (id: string) => `webhook-${id}`;

export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk', 'feishu'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a webhook can be sent: the ticket events (each carries a ticket to give context to). */
export const WEBHOOK_DELIVERABLE_TYPES: readonly TicketEvent['type'][] = TICKET_EVENT_TYPES;
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

/**
 * The secret is not in the event: the log is kept for ever, copied into backups and replicas and
 * (with NATS) published, and an event cannot be rewritten, so a secret in it could never be
 * taken back. The event names a `secretRef`, the key of the row of `wh_secrets` that the
 * registering request wrote; deleting the webhook deletes that row. For the same reason `url` is
 * the URL with its secret parts masked (see redactWebhookUrl): a group robot's URL is its access
 * key, and the full URL is kept in that row beside the secret. Events recorded before this carry
 * the full URL, and their row none: those are sent to the event's URL.
 * `events` / `communities` null: every deliverable type / every community.
 */
export type WebhookRegistered = Event<
  'WebhookRegistered',
  {
    webhookId: string;
    url: string;
    format: WebhookFormat;
    events: string[] | null;
    communities: string[] | null;
    secretRef: string;
    registeredAt: string;
    by: ActorRef;
  }
>;
export type WebhookDeleted = Event<'WebhookDeleted', { webhookId: string; deletedAt: string; by: ActorRef }>;
/** Deliveries failed for the whole retry window (SPEC §9): nothing more is sent to it. */
export type WebhookDisabled = Event<
  'WebhookDisabled',
  { webhookId: string; reason: string; eventId: string; disabledAt: string; by: ActorRef }
>;
export type WebhookEvent = WebhookRegistered | WebhookDeleted | WebhookDisabled;
export const WEBHOOK_EVENT_TYPES: readonly WebhookEvent['type'][] = ['WebhookRegistered', 'WebhookDeleted', 'WebhookDisabled'];

/** What the adapter found out for the decision: the domain resolves no names and reads no tables. */
export type WebhookLookups = Readonly<{
  /** Why the URL's host may not be called (link-local, the service itself), or null. */
  urlRefusal: string | null;
  unknownCommunities: readonly string[];
}>;

export type RegisterWebhook = Command<
  'RegisterWebhook',
  {
    webhookId: string;
    url: string;
    secret: string;
    secretRef: string;
    format: WebhookFormat;
    events: readonly string[] | null;
    communities: readonly string[] | null;
    lookups: WebhookLookups;
  }
>;
export type DeleteWebhook = Command<'DeleteWebhook', Record<string, never>>;
export type DisableWebhook = Command<'DisableWebhook', { reason: string; eventId: string }>;
export type WebhookCommand = RegisterWebhook | DeleteWebhook | DisableWebhook;

export type WebhookState = 'absent' | 'active' | 'disabled' | 'deleted';
export type Webhook = Readonly<{ state: WebhookState; id: string | null; secretRef: string | null }>;

export const webhookDecider = {
  initialState: (): Webhook => ({ state: 'absent', id: null, secretRef: null }),
  evolve(state: Webhook, event: WebhookEvent): Webhook {
    switch (event.type) {
      case 'WebhookRegistered':
        return { state: 'active', id: event.data.webhookId, secretRef: event.data.secretRef };
      case 'WebhookDeleted':
        return { ...state, state: 'deleted' };
      case 'WebhookDisabled':
        return state.state === 'active' ? { ...state, state: 'disabled' } : state;
      default:
        return state;
    }
  },
  decide(command: WebhookCommand, state: Webhook): WebhookEvent[] {
    const { actor, now } = command.metadata;
    if (!hasRole(actor, 'admin')) throw new DomainError('ADMIN_ONLY', 'webhooks');
    switch (command.type) {
      case 'RegisterWebhook': {
        const d = command.data;
        mustBeValid(d);
        if (state.state !== 'absent') throw new DomainError('WEBHOOK_EXISTS', d.webhookId);
        const events = d.events && [...new Set(d.events)];
        const communities = d.communities && [...new Set(d.communities)];
        const data = {
          webhookId: d.webhookId,
          url: redactWebhookUrl(d.url),
          format: d.format,
          events,
          communities,
          secretRef: d.secretRef,
        };
        return [{ type: 'WebhookRegistered', data: { ...data, registeredAt: now, by: actorRef(actor) } }];
      }
      case 'DeleteWebhook':
        if (state.state === 'absent' || state.state === 'deleted' || !state.id) throw new DomainError('WEBHOOK_NOT_FOUND');
        return [{ type: 'WebhookDeleted', data: { webhookId: state.id, deletedAt: now, by: actorRef(actor) } }];
      case 'DisableWebhook':
        // Only a live webhook is disabled; a repeat (another instance, a retried turn) records nothing.
        if (state.state !== 'active' || !state.id) return [];
        return [{ type: 'WebhookDisabled', data: { webhookId: state.id, ...command.data, disabledAt: now, by: actorRef(actor) } }];
    }
  },
};

function mustBeValid(d: RegisterWebhook['data']): void {
  const why = urlShapeProblem(d.url) ?? d.lookups.urlRefusal;
  if (why) throw new DomainError('WEBHOOK_URL_INVALID', why);
  if (d.secret.length < WEBHOOK_SECRET_MIN_LENGTH) throw new DomainError('WEBHOOK_SECRET_TOO_SHORT', WEBHOOK_SECRET_MIN_LENGTH);
  const unknown = (d.events ?? []).filter((t) => !(WEBHOOK_DELIVERABLE_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw new DomainError('WEBHOOK_UNKNOWN_EVENTS', unknown.join(', '));
  if (d.lookups.unknownCommunities.length) throw new DomainError('WEBHOOK_UNKNOWN_COMMUNITIES', d.lookups.unknownCommunities.join(', '));
}

/** http(s) with a host and no credentials in it (they would be logged and shown in GET /webhooks). */
export function urlShapeProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must be http or https, not ${parsed.protocol.replace(':', '')}`;
  if (!parsed.hostname) return 'names no host';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  return null;
}

/** What a masked part of a webhook URL reads as. */
export const REDACTED = '***';
/** Feishu's (and Lark's) group robot: `/open-apis/bot/v2/hook/<token>`, the token being its key. */
const ROBOT_TOKEN_PATH = /^(\/open-apis\/bot\/v\d+\/hook\/)[^/]+/;

/**
 * A webhook URL as the log and GET /webhooks may show it: every query value masked (WeCom's `key`,
 * DingTalk's `access_token`, and whatever a receiver of our own puts there: a value in the query
 * is where a URL's keys live, and telling a safe one from a key is guessing), and a Feishu/Lark
 * robot's token path segment; a parameter without a value, and a fragment, are masked whole. Scheme, host, port and the rest of the path stay, so the hook can
 * still be recognised. Idempotent (a masked URL masks to itself); a string that is no URL is
 * answered as it is (registration refuses it before it gets here).
 */
export function redactWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((part) => (part.includes('=') ? `${part.slice(0, part.indexOf('='))}=${REDACTED}` : REDACTED))
    .join('&');
  const path = parsed.pathname.replace(ROBOT_TOKEN_PATH, `$1${REDACTED}`);
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}${parsed.hash ? `#${REDACTED}` : ''}`;
}
