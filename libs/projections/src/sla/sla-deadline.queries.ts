import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from './sla-deadline.changes';

export type DueDeadline = Readonly<{ ticketId: string; kind: DeadlineKind; dueAt: Date }>;

/**
 * Pending deadlines, warnings and ladder steps due at `now`, oldest first, one page after `after`;
 * a stopped clock's are not pending. Paging by key (not by "the first N") means a deadline the
 * ticket keeps declining cannot starve the ones behind it.
 */
export async function findDueDeadlines(db: EntityManager, now: Date, after: DueDeadline | null, limit: number): Promise<DueDeadline[]> {
  const rows: { ticket_id: string; kind: DeadlineKind; due_at: Date }[] = await db.query(
    `SELECT ticket_id, kind, due_at FROM rm_sla_deadlines
      WHERE NOT done AND NOT paused AND due_at <= $1 AND (due_at, ticket_id, kind) > ($2::timestamptz, $3, $4)
      ORDER BY due_at, ticket_id, kind LIMIT $5`,
    [now, after?.dueAt ?? '-infinity', after?.ticketId ?? '', after?.kind ?? '', limit],
  );
  return rows.map((r) => ({ ticketId: r.ticket_id, kind: r.kind, dueAt: new Date(r.due_at) }));
}
