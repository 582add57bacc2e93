import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';
import type { TicketEvent } from '@jinlin/domain';
import type { Projection } from '../engine/projection';
import { DEADLINE_EVENT_TYPES, deadlineChanges, type DeadlineChange } from './sla-deadline.changes';

/**
 * For each ticket, which deadlines are still owed and when they fall due: the SLA timer's work
 * list. Every write only touches a row whose stored position is older, so redelivery changes nothing.
 */
export class SlaDeadlinesProjection implements Projection<TicketEvent> {
  readonly name = 'sla-deadlines';
  readonly handles = DEADLINE_EVENT_TYPES;
  readonly tables = ['rm_sla_deadlines'];

  /** One read and one write per batch: the rows are folded in memory, each written back once. */
  async apply(events: readonly StoredEvent<TicketEvent>[], tx: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.ticketId))];
    const rows = new Map<string, Row>();
    const existing: RawRow[] = await tx.query(
      `SELECT ticket_id, kind, due_at, done, breached, position FROM rm_sla_deadlines WHERE ticket_id = ANY($1)`,
      [ids],
    );
    for (const r of existing)
      rows.set(`${r.ticket_id}/${r.kind}`, {
        ...r,
        due_at: new Date(r.due_at).toISOString(),
        position: Number(r.position),
        changed: false,
      });
    for (const e of events) {
      for (const change of deadlineChanges(e)) fold(rows, e.data.ticketId, e.globalPosition, change);
    }
    const changed = [...rows.values()].filter((r) => r.changed).map(({ changed: _, ...r }) => r);
    if (!changed.length) return;
    await tx.query(
      `INSERT INTO rm_sla_deadlines (ticket_id, kind, due_at, done, breached, position)
       SELECT ticket_id, kind, due_at, done, breached, position
         FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id text, kind text, due_at timestamptz, done boolean, breached boolean, position bigint)
       ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, done = EXCLUDED.done, breached = EXCLUDED.breached, position = EXCLUDED.position
        WHERE rm_sla_deadlines.position < EXCLUDED.position`,
      [JSON.stringify(changed)],
    );
  }
}

type RawRow = { ticket_id: string; kind: string; due_at: Date | string; done: boolean; breached: boolean; position: string | number };
type Row = {
  ticket_id: string;
  kind: string;
  due_at: string;
  done: boolean;
  /** Kept so a reopened ticket does not re-arm a resolve deadline that was already breached. */
  breached: boolean;
  position: number;
  changed: boolean;
};

/** The same rules the SQL used to apply, one event at a time; a row at or past the event's position is left alone. */
function fold(rows: Map<string, Row>, ticketId: string, position: number, change: DeadlineChange): void {
  const touch = (kind: string, edit: (r: Row) => void) => {
    const row = rows.get(`${ticketId}/${kind}`);
    if (!row || row.position >= position) return;
    edit(row);
    Object.assign(row, { position, changed: true });
  };
  switch (change.op) {
    case 'arm': {
      const key = `${ticketId}/${change.kind}`;
      const row = rows.get(key);
      if (!row)
        rows.set(key, {
          ticket_id: ticketId,
          kind: change.kind,
          due_at: change.dueAt,
          done: false,
          breached: false,
          position,
          changed: true,
        });
      else touch(change.kind, (r) => Object.assign(r, { due_at: change.dueAt, done: false }));
      return;
    }
    case 'meet':
      // Only an answer that came in time settles a deadline; a late one leaves it for the breach.
      for (const kind of change.kinds) touch(kind, (r) => (r.done = r.done || Date.parse(r.due_at) >= Date.parse(change.at)));
      return;
    case 'settle':
      for (const kind of change.kinds) touch(kind, (r) => (r.done = true));
      return;
    case 'breach':
      touch(change.kind, (r) => Object.assign(r, { done: true, breached: true }));
      return;
  }
}
