import type { EntityManager } from 'typeorm';
import { redactWebhookUrl } from '@jinlin/domain';

/**
 * A webhook as GET /webhooks shows it: never its secret (SPEC §9), nor its URL's key. The URL is
 * masked here as well as in the event, for a webhook whose event was recorded with the full URL
 * (before events carried it masked); masking a masked one changes nothing.
 */
export type WebhookView = Readonly<{
  id: string;
  url: string;
  format: string;
  events: string[] | null;
  communities: string[] | null;
  status: 'active' | 'disabled';
  registeredAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
}>;

export type DeliveryView = Readonly<{
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
}>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const WEBHOOK_COLUMNS = `id, url, format, events, communities, status, registered_at, disabled_at, disabled_reason`;
type WebhookRow = {
  id: string;
  url: string;
  format: string;
  events: string[] | null;
  communities: string[] | null;
  status: 'active' | 'disabled';
  registered_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
};
const webhookView = (r: WebhookRow): WebhookView => ({
  id: r.id,
  url: redactWebhookUrl(r.url),
  format: r.format,
  events: r.events,
  communities: r.communities,
  status: r.status,
  registeredAt: r.registered_at.toISOString(),
  disabledAt: iso(r.disabled_at),
  disabledReason: r.disabled_reason,
});

/** Deleted webhooks are gone from the list, as from every other answer. */
export async function listWebhooks(db: EntityManager): Promise<WebhookView[]> {
  const rows: WebhookRow[] = await db.query(`SELECT ${WEBHOOK_COLUMNS} FROM wh_webhooks WHERE status <> 'deleted' ORDER BY id`);
  return rows.map(webhookView);
}

export async function findWebhook(db: EntityManager, id: string): Promise<WebhookView | null> {
  const rows: WebhookRow[] = await db.query(`SELECT ${WEBHOOK_COLUMNS} FROM wh_webhooks WHERE id = $1 AND status <> 'deleted'`, [id]);
  return rows[0] ? webhookView(rows[0]) : null;
}

type DeliveryRow = {
  event_id: string;
  event_type: string;
  ticket_id: string;
  global_position: string;
  status: DeliveryView['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  recorded_at: Date;
};

/** The delivery log of one webhook, newest event first; `before` pages on by position. */
export async function deliveriesOf(db: EntityManager, webhookId: string, limit: number, before?: number): Promise<DeliveryView[]> {
  const rows = await db.query(
    `SELECT event_id, event_type, ticket_id, global_position, status, attempts, last_status, last_error, next_attempt_at,
            delivered_at, recorded_at
     FROM wh_deliveries WHERE webhook_id = $1 AND ($3::bigint IS NULL OR global_position < $3)
     ORDER BY global_position DESC LIMIT $2`,
    [webhookId, limit, before ?? null],
  );
  return rows.map((r: DeliveryRow): DeliveryView => ({
    eventId: r.event_id,
    eventType: r.event_type,
    ticketId: r.ticket_id,
    position: Number(r.global_position),
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    deliveredAt: iso(r.delivered_at),
    recordedAt: r.recorded_at.toISOString(),
  }));
}
