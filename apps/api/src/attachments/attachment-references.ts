import type { TicketEvent } from '@jinlin/domain';
import type { Checkpoint, EventStore, StoreHead } from '@jinlin/event-store';

/** Every ticket event that can carry photos (the handlers that take attachmentIds append these). */
export const ATTACHING_EVENTS = [
  'TicketFiled',
  'TicketAcknowledged',
  'TicketActionRecorded',
  'TicketCommented',
  'TicketResolved',
] as const satisfies readonly TicketEvent['type'][];

type AttachingEvent = Extract<TicketEvent, { type: (typeof ATTACHING_EVENTS)[number] }>;
// Stops the build if one of them stops carrying attachments, or another starts to without being listed.
type Carrying<E> = E extends { type: infer T; data: infer D } ? ('attachments' extends keyof D ? T : never) : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listsEveryCarrier: Same<Carrying<TicketEvent>, (typeof ATTACHING_EVENTS)[number]> = true;
void listsEveryCarrier;

/** What a stored event says an upload is attached to: the row's columns, as attach() would have written them. */
export type AttachmentReference = Readonly<{ ticketId: string; event: AttachingEvent['type']; internal: boolean; order: number }>;

/** A position of the log an upload is older than (null: before the first event), and the event it stands on. */
export type LogBound = Readonly<{ checkpoint: Checkpoint | null; position: number }>;

const PAGE = 1_000;

/**
 * The events among `ids`' possible attachers that name any of them: the log after `from` up to
 * `until` (every event committed before it was taken), through the port, so it holds for either
 * adapter. PostgreSQL hands out only what lies below its read horizon: while an older transaction
 * is still open the read waits for it, and gives up (null) at `deadline`, deciding nothing.
 */
export async function referencesIn(
  log: EventStore,
  ids: ReadonlySet<string>,
  from: Checkpoint | null,
  until: StoreHead,
  deadline: number,
): Promise<Map<string, AttachmentReference> | null> {
  const found = new Map<string, AttachmentReference>();
  if (!until.checkpoint) return found; // the log was empty: nothing names them
  let at = from;
  if (at && (await log.covers(at, until.position))) return found;
  for (;;) {
    const page = await log.readAll<AttachingEvent>({ after: at, limit: PAGE, types: ATTACHING_EVENTS });
    for (const e of page.events) {
      (e.data.attachments ?? []).forEach((a, i) => {
        if (!ids.has(a.id) || found.has(a.id)) return;
        const internal = e.type === 'TicketCommented' && e.data.internal;
        found.set(a.id, { ticketId: e.data.ticketId, event: e.type, internal, order: i + 1 });
      });
    }
    if (page.checkpoint !== at) {
      at = page.checkpoint;
      if (await log.covers(at, until.position)) return found;
      continue;
    }
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The earliest of the bounds (in the log's read order, which only the store can tell), null when one is. */
export async function earliest(log: EventStore, bounds: readonly LogBound[]): Promise<Checkpoint | null> {
  let min: LogBound | null = null;
  for (const b of bounds) {
    if (!b.checkpoint) return null;
    if (!min || (b.checkpoint !== min.checkpoint && (await log.covers(min.checkpoint, b.position)))) min = b;
  }
  return min?.checkpoint ?? null;
}
