import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';
import type { TicketEvent } from '@jinlin/domain';
import type { Projection } from '../engine/projection';
import { DEADLINE_EVENT_TYPES, deadlineChanges, ladderDue, type DeadlineChange, type DeadlineKind } from './sla-deadline.changes';

/**
 * For each ticket, which deadlines, warnings and ladder steps are still owed and when they fall
 * due: the SLA timer's work list. Every write only touches a row whose stored position is older,
 * so redelivery changes nothing.
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
      `SELECT ticket_id, kind, due_at, done, breached, paused, position, ladder, level, resolve_by
         FROM rm_sla_deadlines WHERE ticket_id = ANY($1)`,
      [ids],
    );
    for (const r of existing) rows.set(`${r.ticket_id}/${r.kind}`, fromRaw(r));
    for (const e of events) {
      for (const change of deadlineChanges(e)) fold(rows, e.data.ticketId, e.globalPosition, change);
    }
    const changed = [...rows.values()].filter((r) => r.changed).map(({ changed: _, ...r }) => r);
    if (!changed.length) return;
    await tx.query(
      `INSERT INTO rm_sla_deadlines (ticket_id, kind, due_at, done, breached, paused, position, ladder, level, resolve_by)
       SELECT ticket_id, kind, due_at, done, breached, paused, position, ladder, level, resolve_by
         FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id text, kind text, due_at timestamptz, done boolean, breached boolean,
              paused boolean, position bigint, ladder integer[], level smallint, resolve_by timestamptz)
       ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, done = EXCLUDED.done, breached = EXCLUDED.breached,
              paused = EXCLUDED.paused, position = EXCLUDED.position, level = EXCLUDED.level, resolve_by = EXCLUDED.resolve_by
        WHERE rm_sla_deadlines.position < EXCLUDED.position`,
      [JSON.stringify(changed)],
    );
  }
}

type RawRow = {
  ticket_id: string;
  kind: DeadlineKind;
  due_at: Date | string | null;
  done: boolean;
  breached: boolean;
  paused: boolean;
  position: string | number;
  ladder: number[] | null;
  level: number | null;
  resolve_by: Date | string | null;
};

/**
 * A deadline, warning or auto-close row: `due_at` when it falls due, `done` when nothing more is
 * owed, `paused` while the clock stands (waiting on the resident). The ladder's row (kind
 * `escalation`) also keeps `ladder` (the policy's minutes per step), `level` and `resolve_by`;
 * for it `breached` says the resolve deadline was missed, `paused` that the ticket is resolved,
 * `done` that it is over, and `due_at` is derived from them (null: no step scheduled).
 */
type Row = {
  ticket_id: string;
  kind: DeadlineKind;
  due_at: string | null;
  done: boolean;
  /** Kept so a reopened ticket does not re-arm a resolve deadline that was already breached. */
  breached: boolean;
  paused: boolean;
  position: number;
  ladder: number[] | null;
  level: number | null;
  resolve_by: string | null;
  changed: boolean;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const fromRaw = (r: RawRow): Row => ({
  ...r,
  due_at: iso(r.due_at),
  resolve_by: iso(r.resolve_by),
  position: Number(r.position),
  changed: false,
});

const fresh = (ticketId: string, kind: DeadlineKind, position: number, fields: Partial<Row>): Row => ({
  ticket_id: ticketId,
  kind,
  due_at: null,
  done: false,
  breached: false,
  paused: false,
  position,
  ladder: null,
  level: null,
  resolve_by: null,
  changed: true,
  ...fields,
});

/** One change of one event, in memory; a row at or past the event's position is left alone. */
function fold(rows: Map<string, Row>, ticketId: string, position: number, change: DeadlineChange): void {
  const touch = (kind: DeadlineKind, edit: (r: Row) => void) => {
    const row = rows.get(`${ticketId}/${kind}`);
    if (!row || row.position >= position) return;
    edit(row);
    Object.assign(row, { position, changed: true });
  };
  const create = (kind: DeadlineKind, fields: Partial<Row>) => {
    if (!rows.has(`${ticketId}/${kind}`)) rows.set(`${ticketId}/${kind}`, fresh(ticketId, kind, position, fields));
    else touch(kind, (r) => Object.assign(r, fields));
  };
  switch (change.op) {
    case 'arm':
      create(change.kind, { due_at: change.dueAt, done: false });
      return;
    case 'meet':
      // Only an answer that came in time settles a deadline; a late one leaves it for the breach.
      for (const kind of change.kinds) touch(kind, (r) => (r.done = r.done || Date.parse(r.due_at!) >= Date.parse(change.at)));
      return;
    case 'settle':
      for (const kind of change.kinds) touch(kind, (r) => (r.done = true));
      return;
    case 'breach':
      touch(change.kind, (r) => Object.assign(r, { done: true, breached: true }));
      return;
    case 'pause':
      // One that had passed before the wait began stays due: a pause cannot undo a missed deadline.
      for (const kind of change.kinds) touch(kind, (r) => (r.paused = !r.done && Date.parse(change.since) <= Date.parse(r.due_at!)));
      return;
    case 'resume':
      for (const kind of ['resolve', 'resolve_warning'] as const)
        touch(kind, (r) => Object.assign(r, { paused: false, due_at: change.dueAt[kind] ?? r.due_at }));
      return;
    case 'ladder':
      create('escalation', { ladder: [...change.minutes], level: -1, resolve_by: change.resolveBy, breached: false, done: false });
      return;
    case 'ladder_fact':
      touch('escalation', (r) => {
        const { resolveBy = r.resolve_by!, breached = r.breached, resolved = r.paused, level = r.level! } = change.set;
        Object.assign(r, { resolve_by: resolveBy, breached, paused: resolved, level });
        r.due_at = ladderDue(r.ladder!, { resolveBy, breached, level });
      });
      return;
  }
}
