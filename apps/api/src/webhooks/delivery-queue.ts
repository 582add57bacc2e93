import type { EntityManager } from 'typeorm';
import type { WebhookFormat } from '@jinlin/domain';
import type { WebhookPayload } from '@jinlin/projections';

/** What the sender needs of a webhook: where, how, and the secret to sign with. */
export type Target = Readonly<{ id: string; url: string; format: WebhookFormat; secret: string }>;

export type DueDelivery = Readonly<{
  eventId: string;
  payload: WebhookPayload;
  attempts: number;
  firstAttemptAt: Date | null;
  /** The event's W3C traceparent, so the delivery's span continues the command's trace. */
  traceparent: string | null;
}>;

/** Active webhooks with a delivery due now. */
export async function webhooksWithDue(db: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT w.id FROM wh_webhooks w WHERE w.status = 'active' AND EXISTS (
       SELECT 1 FROM wh_deliveries d WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.next_attempt_at <= now())`,
  );
  return rows.map((r) => r.id);
}

/**
 * The webhook if it is active. What it names (URL, format, secret) never changes for an id, as
 * ids are not reused, so a sender may keep it; dueHeads stops at once when it is no longer active.
 * The URL is the full one kept beside the secret; a webhook registered before that was kept has
 * none there, and its event's URL (the projection's) is the full one.
 */
export async function activeTarget(db: EntityManager, id: string): Promise<Target | null> {
  const rows: Target[] = await db.query(
    `SELECT w.id, COALESCE(s.url, w.url) AS url, w.format, s.secret FROM wh_webhooks w JOIN wh_secrets s ON s.ref = w.secret_ref
     WHERE w.id = $1 AND w.status = 'active'`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * The deliveries to try now: of each ticket only its earliest one still pending, so a later event
 * of a ticket never overtakes an earlier one (one waiting for its retry holds its ticket back, and
 * only its ticket). Oldest first; none once the webhook is disabled or deleted.
 */
export async function dueHeads(db: EntityManager, webhookId: string, limit: number): Promise<DueDelivery[]> {
  const rows: {
    event_id: string;
    payload: WebhookPayload;
    attempts: number;
    first_attempt_at: Date | null;
    trace_parent: string | null;
  }[] = await db.query(
    `SELECT d.event_id, d.payload, d.attempts, d.first_attempt_at, d.trace_parent FROM wh_deliveries d
     JOIN wh_webhooks w ON w.id = d.webhook_id AND w.status = 'active'
     WHERE d.webhook_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
       AND NOT EXISTS (SELECT 1 FROM wh_deliveries e WHERE e.webhook_id = d.webhook_id AND e.ticket_id = d.ticket_id
                       AND e.status = 'pending' AND e.stream_version < d.stream_version)
     ORDER BY d.global_position LIMIT $2`,
    [webhookId, limit],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    payload: r.payload,
    attempts: r.attempts,
    firstAttemptAt: r.first_attempt_at,
    traceparent: r.trace_parent,
  }));
}

/** Delivered, all of a batch in one statement (a busy lane sends many a second). */
export async function recordDelivered(
  db: EntityManager,
  webhookId: string,
  delivered: readonly { eventId: string; status: number }[],
): Promise<void> {
  if (delivered.length === 0) return;
  await db.query(
    `UPDATE wh_deliveries d SET status = 'delivered', attempts = d.attempts + 1, last_status = r.status, last_error = NULL,
       first_attempt_at = COALESCE(d.first_attempt_at, now()), delivered_at = now()
     FROM unnest($2::text[], $3::int[]) AS r(event_id, status)
     WHERE d.webhook_id = $1 AND d.event_id = r.event_id AND d.status = 'pending'`,
    [webhookId, delivered.map((d) => d.eventId), delivered.map((d) => d.status)],
  );
}

/** A failed attempt: tried again after `retryInMs`, or (null) given up for good. */
export async function recordFailed(
  db: EntityManager,
  webhookId: string,
  eventId: string,
  outcome: Readonly<{ status: number | null; error: string; retryInMs: number | null }>,
): Promise<void> {
  await db.query(
    `UPDATE wh_deliveries SET attempts = attempts + 1, last_status = $3, last_error = $4,
       first_attempt_at = COALESCE(first_attempt_at, now()),
       status = CASE WHEN $5::bigint IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = now() + make_interval(secs => COALESCE($5::bigint, 0) / 1000.0)
     WHERE webhook_id = $1 AND event_id = $2 AND status = 'pending'`,
    [webhookId, eventId, outcome.status, outcome.error.slice(0, 500), outcome.retryInMs],
  );
}

/** A delivery given up on for good (failed), of a webhook the log has not disabled yet. */
export type GivenUp = Readonly<{ webhookId: string; eventId: string; error: string | null }>;

/**
 * Active webhooks with a delivery already given up on: a failed delivery is recorded before its
 * webhook's WebhookDisabled is appended, so a crash (or a failed append) between the two leaves
 * this. Each webhook's earliest such delivery (an index of its own holds only failed rows, which
 * are rare: the first disables its webhook).
 */
export async function givenUpButActive(db: EntityManager): Promise<GivenUp[]> {
  const rows: { webhook_id: string; event_id: string; last_error: string | null }[] = await db.query(
    `SELECT w.id AS webhook_id, f.event_id, f.last_error FROM wh_webhooks w
     CROSS JOIN LATERAL (SELECT d.event_id, d.last_error FROM wh_deliveries d WHERE d.webhook_id = w.id AND d.status = 'failed'
                         ORDER BY d.global_position LIMIT 1) f
     WHERE w.status = 'active'`,
  );
  return rows.map((r) => ({ webhookId: r.webhook_id, eventId: r.event_id, error: r.last_error }));
}

/** A disabled webhook's queue stops at once (its projection does the same when it reads the event). */
export async function stopPending(db: EntityManager, webhookId: string): Promise<void> {
  await db.query(`UPDATE wh_deliveries SET status = 'stopped' WHERE webhook_id = $1 AND status = 'pending'`, [webhookId]);
}
