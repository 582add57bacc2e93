import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';
import type { TicketEvent } from '@jinlin/domain';
import type { Projection } from '../engine/projection';
import { deadlineChanges, type DeadlineChange } from './sla-deadline.changes';

/**
 * For each ticket, which deadlines are still owed and when they fall due: the SLA timer's work
 * list. Every write only touches a row whose stored position is older, so redelivery changes nothing.
 */
export class SlaDeadlinesProjection implements Projection {
  readonly name = 'sla-deadlines';
  readonly handles = [
    'TicketFiled',
    'TicketAcknowledged',
    'TicketActionRecorded',
    'TicketCommented',
    'TicketResolved',
    'TicketResolutionRejected',
    'TicketResolutionConfirmed',
    'TicketWithdrawn',
    'TicketAutoClosed',
    'TicketSlaBreached',
  ];
  readonly tables = ['rm_sla_deadlines'];

  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      const ticketId = (e.data as { ticketId: string }).ticketId;
      for (const change of deadlineChanges({ type: e.type, data: e.data } as unknown as TicketEvent)) {
        await write(tx, ticketId, e.globalPosition, change);
      }
    }
  }
}

/** $1 is the ticket, $2 the event's position, $3.. the change's own parameters. */
function write(tx: EntityManager, ticketId: string, position: number, change: DeadlineChange): Promise<unknown> {
  const update = (set: string, kinds: readonly string[]) =>
    tx.query(`UPDATE rm_sla_deadlines SET ${set}, position = $2 WHERE ticket_id = $1 AND kind = ANY($3) AND position < $2`, [
      ticketId,
      position,
      kinds,
    ]);
  switch (change.op) {
    case 'arm':
      return tx.query(
        `INSERT INTO rm_sla_deadlines (ticket_id, kind, due_at, done, breached, position) VALUES ($1, $3, $4, false, false, $2)
         ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, done = false, position = EXCLUDED.position
          WHERE rm_sla_deadlines.position < EXCLUDED.position`,
        [ticketId, position, change.kind, change.dueAt],
      );
    case 'settle':
      return update('done = true', change.kinds);
    case 'meet':
      // Only an answer that came in time settles a deadline; a late one leaves it for the breach.
      return tx.query(
        `UPDATE rm_sla_deadlines SET done = done OR due_at >= $4, position = $2 WHERE ticket_id = $1 AND kind = ANY($3) AND position < $2`,
        [ticketId, position, change.kinds, change.at],
      );
    case 'breach':
      return update('done = true, breached = true', [change.kind]);
  }
}
