import type { EntityManager } from 'typeorm';
import { TICKET_EVENT_TYPES, WEBHOOK_EVENT_TYPES, type TicketEvent, type WebhookEvent } from '@jinlin/domain';
import { eventId, type StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';
import { evolveTicketRow, type TicketRecord } from '../tickets/ticket-row';
import { webhookPayload } from './webhook-payload';

type Handled = TicketEvent | WebhookEvent;
type Hook = Readonly<{ id: string; events: string[] | null; communities: string[] | null }>;
/** A ticket event to queue, with the ticket as it stood right after it. */
type Queued = Readonly<{ e: StoredEvent<TicketEvent>; ticket: TicketRecord; hooks: readonly Hook[] }>;

/** NOTIFY channel: deliveries were queued (the sender wakes instead of waiting for its poll). */
export const WEBHOOK_QUEUE_CHANNEL = 'jinlin_webhooks';

const isWebhookEvent = (e: StoredEvent<Handled>): e is StoredEvent<WebhookEvent> =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e.type);

const wants = (h: Hook, type: string, communityId: string) =>
  (h.events === null || h.events.includes(type)) && (h.communities === null || h.communities.includes(communityId));

/**
 * The outbox of SPEC §9, read from the log: for each ticket event, one delivery row per webhook
 * that wants it, written in the checkpoint's transaction, so a crash neither skips nor doubles
 * one. A webhook gets the events read after its registration, so a rebuild queues the same rows
 * again, which the (webhook, event id) key turns away; the delivery log itself is not emptied by
 * a rebuild (what was sent stays sent). Ticket context is folded here with the ticket list's own
 * fold, so a delivery never waits for, or races, another projection.
 */
export class WebhooksProjection implements Projection<Handled> {
  readonly name = 'webhooks';
  readonly handles: readonly Handled['type'][] = [...TICKET_EVENT_TYPES, ...WEBHOOK_EVENT_TYPES];
  readonly tables = ['wh_webhooks', 'wh_tickets'];
  async apply(events: readonly StoredEvent<Handled>[], tx: EntityManager): Promise<void> {
    const { active, tickets } = await contextOf(events, tx);
    const hooks = new Map(active.map((h) => [h.id, h]));
    const changed = new Set<string>();
    const queued: Queued[] = [];
    for (const e of events) {
      if (isWebhookEvent(e)) {
        await applyWebhookEvent(e, hooks, tx);
        continue;
      }
      const before = tickets.get(e.data.ticketId);
      const ticket = evolveTicketRow(before, e);
      if (!ticket) continue;
      if (ticket !== before) {
        tickets.set(ticket.id, ticket);
        changed.add(ticket.id);
      }
      const wanting = [...hooks.values()].filter((h) => wants(h, e.type, ticket.community_id));
      if (wanting.length) queued.push({ e, ticket, hooks: wanting });
    }
    await write(
      [...changed].map((id) => tickets.get(id)!),
      queued.length ? await deliveriesOf(queued, tx) : [],
      tx,
    );
  }
}

/** The active webhooks and the batch's tickets as folded so far, in one round trip. */
async function contextOf(
  events: readonly StoredEvent<Handled>[],
  tx: EntityManager,
): Promise<{ active: Hook[]; tickets: Map<string, TicketRecord> }> {
  const ids = [...new Set(events.flatMap((e) => (isWebhookEvent(e) ? [] : [e.data.ticketId])))];
  const [found]: { active: Hook[]; tickets: TicketRecord[] }[] = await tx.query(
    `SELECT (SELECT coalesce(json_agg(h), '[]') FROM (SELECT id, events, communities FROM wh_webhooks WHERE status = 'active') h) AS active,
            (SELECT coalesce(json_agg(record), '[]') FROM wh_tickets WHERE id = ANY($1)) AS tickets`,
    [ids],
  );
  return { active: found.active, tickets: new Map(found.tickets.map((r) => [r.id, r])) };
}

type Delivery = Readonly<{
  webhook_id: string;
  event_id: string;
  event_type: string;
  ticket_id: string;
  stream_version: number;
  global_position: number;
  recorded_at: string;
  payload: unknown;
  trace_parent: string | null;
}>;

async function deliveriesOf(queued: readonly Queued[], tx: EntityManager): Promise<Delivery[]> {
  const communityIds = [...new Set(queued.map((q) => q.ticket.community_id))];
  const names: { id: string; name: string }[] = await tx.query(`SELECT id, name FROM rm_communities WHERE id = ANY($1)`, [communityIds]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return queued.flatMap(({ e, ticket, hooks }) => {
    const payload = webhookPayload(e, ticket, nameOf.get(ticket.community_id));
    return hooks.map((h) => ({
      webhook_id: h.id,
      event_id: eventId(e),
      event_type: e.type,
      ticket_id: ticket.id,
      stream_version: e.streamVersion,
      global_position: e.globalPosition,
      recorded_at: e.recordedAt.toISOString(),
      payload,
      trace_parent: typeof e.metadata.traceparent === 'string' ? e.metadata.traceparent : null,
    }));
  });
}

/**
 * The batch's one write, one round trip: the tickets it changed and the deliveries it queued,
 * with a NOTIFY (delivered to listeners when this transaction commits, on whichever instance
 * sends) when there are any. Both data-modifying CTEs run whether the SELECT reads them or not.
 */
async function write(tickets: readonly TicketRecord[], deliveries: readonly Delivery[], tx: EntityManager): Promise<void> {
  if (!tickets.length && !deliveries.length) return;
  await tx.query(
    `WITH tickets AS (
       INSERT INTO wh_tickets (id, record, position)
       SELECT r->>'id', r, (r->>'position')::bigint FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, position = EXCLUDED.position
       WHERE wh_tickets.position < EXCLUDED.position),
     queued AS (
       INSERT INTO wh_deliveries (webhook_id, event_id, event_type, ticket_id, stream_version, global_position, recorded_at, payload, trace_parent)
       SELECT webhook_id, event_id, event_type, ticket_id, stream_version, global_position, recorded_at, payload, trace_parent
       FROM jsonb_to_recordset($2::jsonb) AS r(webhook_id text, event_id text, event_type text, ticket_id text,
         stream_version integer, global_position bigint, recorded_at timestamptz, payload jsonb, trace_parent text)
       ON CONFLICT (webhook_id, event_id) DO NOTHING)
     SELECT pg_notify($3, '') WHERE $4::boolean`,
    [JSON.stringify(tickets), JSON.stringify(deliveries), WEBHOOK_QUEUE_CHANNEL, deliveries.length > 0],
  );
}

async function applyWebhookEvent(e: StoredEvent<WebhookEvent>, hooks: Map<string, Hook>, tx: EntityManager): Promise<void> {
  const p = e.globalPosition;
  switch (e.type) {
    case 'WebhookRegistered': {
      // The event's URL: masked since events stopped carrying robot keys, the full one before
      // (then it is the one the sender uses, as wh_secrets holds none for it; see activeTarget).
      const d = e.data;
      await tx.query(
        `INSERT INTO wh_webhooks (id, url, format, events, communities, secret_ref, status, registered_at, position)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8) ON CONFLICT (id) DO NOTHING`,
        [d.webhookId, d.url, d.format, d.events, d.communities, d.secretRef, d.registeredAt, p],
      );
      hooks.set(d.webhookId, { id: d.webhookId, events: d.events, communities: d.communities });
      return;
    }
    case 'WebhookDeleted':
    case 'WebhookDisabled': {
      const status = e.type === 'WebhookDeleted' ? 'deleted' : 'disabled';
      const at = e.type === 'WebhookDeleted' ? e.data.deletedAt : e.data.disabledAt;
      const reason = e.type === 'WebhookDisabled' ? e.data.reason : null;
      await tx.query(
        `UPDATE wh_webhooks SET status = $2, disabled_at = COALESCE(disabled_at, $3), disabled_reason = COALESCE($4, disabled_reason),
           position = $5 WHERE id = $1 AND position < $5`,
        [e.data.webhookId, status, at, reason, p],
      );
      // What was still to send is not sent: the log keeps the rows, marked stopped.
      await tx.query(`UPDATE wh_deliveries SET status = 'stopped', next_attempt_at = now() WHERE webhook_id = $1 AND status = 'pending'`, [
        e.data.webhookId,
      ]);
      hooks.delete(e.data.webhookId);
      return;
    }
    default:
      return exhaustive(e, undefined);
  }
}
