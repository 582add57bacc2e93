import type { EntityManager } from 'typeorm';
import { TICKET_EVENT_TYPES, type TicketEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import type { Projection } from '../engine/projection';
import { evolveTicketRow, TICKET_COLUMNS, type TicketRecord } from './ticket-row';

const COLUMNS = Object.keys(TICKET_COLUMNS) as (keyof TicketRecord)[];
const RECORD_TYPE = COLUMNS.map((c) => `${c} ${TICKET_COLUMNS[c]}`).join(', ');
const UPDATES = COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * The ticket list and detail. A batch costs two statements whatever its size: read the touched
 * rows, fold the events into them in memory, write each changed row back once.
 */
export class TicketsProjection implements Projection<TicketEvent> {
  readonly name = 'tickets';
  readonly handles = TICKET_EVENT_TYPES;
  readonly tables = ['rm_tickets'];

  async apply(events: readonly StoredEvent<TicketEvent>[], tx: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.ticketId))];
    const rows = new Map<string, TicketRecord>();
    const existing: TicketRecord[] = await tx.query(`SELECT ${COLUMNS.join(', ')} FROM rm_tickets WHERE id = ANY($1)`, [ids]);
    for (const r of existing) rows.set(r.id, normalise(r));
    const changed = new Set<string>();
    for (const e of events) {
      const id = e.data.ticketId;
      const before = rows.get(id);
      const after = evolveTicketRow(before, e);
      if (after && after !== before) {
        rows.set(id, after);
        changed.add(id);
      }
    }
    if (changed.size === 0) return;
    await tx.query(
      `INSERT INTO rm_tickets (${COLUMNS.join(', ')})
       SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})
       ON CONFLICT (id) DO UPDATE SET ${UPDATES} WHERE rm_tickets.position < EXCLUDED.position`,
      [JSON.stringify([...changed].map((id) => rows.get(id)))],
    );
  }
}

/** Rows read back from PostgreSQL carry Dates and bigint strings; the fold works on ISO text and numbers. */
function normalise(r: TicketRecord): TicketRecord {
  const out: Record<string, unknown> = { ...r };
  for (const [column, type] of Object.entries(TICKET_COLUMNS)) {
    const v = out[column];
    if (type === 'timestamptz' && v instanceof Date) out[column] = v.toISOString();
    if (type === 'bigint' && v !== null) out[column] = Number(v);
  }
  return out as TicketRecord;
}
