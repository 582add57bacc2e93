import type { EntityManager } from 'typeorm';

/** A notification as its recipient reads it: no actor, so nothing names who did what. */
export type NotificationView = Readonly<{
  id: string;
  type: string;
  ticketId: string;
  summary: string;
  createdAt: string;
  readAt: string | null;
}>;

type Record = { id: string; event_type: string; ticket_id: string; summary: string; created_at: Date; read_at: Date | null };

const COLUMNS = 'id, event_type, ticket_id, summary, created_at, read_at';

const view = (r: Record): NotificationView => ({
  id: String(r.id),
  type: r.event_type,
  ticketId: r.ticket_id,
  summary: r.summary,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

export type NotificationPage = Readonly<{ items: NotificationView[]; nextCursor: string | null }>;

/** A person's notifications, newest first; `cursor` is the last id of the previous page. */
export async function listNotifications(
  db: EntityManager,
  personId: string,
  filter: Readonly<{ unread: boolean; cursor?: string; limit: number }>,
): Promise<NotificationPage> {
  const values: unknown[] = [personId];
  const where = ['recipient_id = $1'];
  if (filter.unread) where.push('read_at IS NULL');
  if (filter.cursor) where.push(`id < $${values.push(filter.cursor)}`);
  const rows: Record[] = await db.query(
    `SELECT ${COLUMNS} FROM rm_notifications WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${values.push(filter.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, filter.limit).map(view);
  return { items: page, nextCursor: rows.length > filter.limit ? page[page.length - 1].id : null };
}

/**
 * Marks one of the person's notifications read (the first time counts; a repeat changes nothing).
 * null: no such notification of theirs.
 */
export async function markNotificationRead(db: EntityManager, personId: string, id: string, at: Date): Promise<NotificationView | null> {
  const rows: Record[] = await db.query(
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    `WITH marked AS (UPDATE rm_notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND recipient_id = $2 RETURNING ${COLUMNS})
     SELECT * FROM marked`,
    [id, personId, at],
  );
  return rows.length ? view(rows[0]) : null;
}

/** The person's notifications after `afterId`, oldest first: what a live stream has not sent yet. */
export async function notificationsAfter(db: EntityManager, personId: string, afterId: string, limit: number): Promise<NotificationView[]> {
  const rows: Record[] = await db.query(
    `SELECT ${COLUMNS} FROM rm_notifications WHERE recipient_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [personId, afterId, limit],
  );
  return rows.map(view);
}

/** Where a stream that names no Last-Event-ID starts: after the person's newest, so it carries only what is new. */
export async function latestNotificationId(db: EntityManager, personId: string): Promise<string> {
  const rows: { id: string | null }[] = await db.query(`SELECT max(id)::text AS id FROM rm_notifications WHERE recipient_id = $1`, [
    personId,
  ]);
  return rows[0].id ?? '0';
}
