import { hiddenReporters, maskIds, ticketStream, type Principal, type TicketEvent } from '@jinlin/domain';
import type { EventStore, StoredEvent } from '@jinlin/event-store';

const TICKET_STREAM = ticketStream('');
const CAPACITY = 50_000;

/**
 * Whoever subscribes to the stream, as the ticket's privacy rule (ticket.privacy.ts) judges them:
 * nobody in particular, so treated as the company is (SPEC §4.7, issue 16): never the reporter, no
 * oversight role, no admin. The id is one no person can have (ids are slugs).
 */
export const NATS_SUBSCRIBER: Principal = Object.freeze({ id: '#nats-subscriber', roles: [], communities: [] });

/** What of a ticket's stream the rule needs: the reporter, anonymity, and the events that make supporters. */
type Known = { version: number; scope: { anonymous: boolean; communityId: string; reporterId: string | null }; events: TicketEvent[] };

/**
 * The ids an event must not carry on NATS: the anonymous reporter of its ticket (then its
 * supporters too) and anonymous duplicates' reporters, by `hiddenReporters`, the rule the timeline
 * and the webhooks' payload apply, for a subscriber who sees what the company sees. Judged on the
 * stream as it was at that event, so a replay publishes the same body. Followed as the publisher
 * passes a ticket's events, else read from the stream once (after a restart, a gap, or once the
 * map has forgotten it).
 */
export class AnonymousReporters {
  private readonly known = new Map<string, Known>();

  constructor(private readonly store: EventStore) {}

  async hiddenIn(event: StoredEvent): Promise<ReadonlySet<string>> {
    if (!event.streamId.startsWith(TICKET_STREAM)) return new Set();
    let known = this.known.get(event.streamId);
    if (known?.version === event.streamVersion - 1) follow(known, event as StoredEvent<TicketEvent>);
    // A ticket's first event is all there is of it: nothing to read back (every filing passes here).
    else if (event.streamVersion === 1) known = this.remember(event.streamId, fresh(event as StoredEvent<TicketEvent>));
    else if (known?.version !== event.streamVersion) known = await this.read(event);
    return hiddenReporters(NATS_SUBSCRIBER, known!.scope, known!.events);
  }

  private async read(event: StoredEvent): Promise<Known> {
    const known: Known = { version: 0, scope: { anonymous: false, communityId: '', reporterId: null }, events: [] };
    for (const e of await this.store.readStream<TicketEvent>(event.streamId)) if (e.streamVersion <= event.streamVersion) follow(known, e);
    // The event being published is this one, whatever the stream read back (it holds it: it is stored).
    if (known.version !== event.streamVersion) follow(known, event as StoredEvent<TicketEvent>);
    return this.remember(event.streamId, known);
  }

  private remember(streamId: string, known: Known): Known {
    this.known.delete(streamId);
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value!);
    this.known.set(streamId, known);
    return known;
  }
}

function fresh(first: StoredEvent<TicketEvent>): Known {
  const known: Known = { version: 0, scope: { anonymous: false, communityId: '', reporterId: null }, events: [] };
  follow(known, first);
  return known;
}

function follow(known: Known, e: StoredEvent<TicketEvent>): void {
  known.version = e.streamVersion;
  if (e.type === 'TicketFiled')
    known.scope = { anonymous: e.data.anonymous ?? false, communityId: e.data.communityId, reporterId: e.data.reporterId };
  if (e.type === 'TicketSupported' || e.type === 'TicketDuplicateMerged') known.events.push(e);
}

/**
 * The event as it goes out: the hidden ids masked in its data and metadata (the actor who filed
 * becomes 匿名居民 with no id) and, as on the timeline, no hash, which would let a guess at who it
 * was be checked. Id, type, stream, version and position stay, so `Nats-Msg-Id` is the event's id.
 */
export function redacted<T extends { data: unknown; metadata: unknown; hash: string }>(
  message: T,
  hidden: ReadonlySet<string>,
): T | (Omit<T, 'hash'> & { redacted: true }) {
  if (hidden.size === 0) return message;
  const { hash: _guessable, ...rest } = message;
  return { ...rest, data: maskIds(message.data, hidden), metadata: maskIds(message.metadata, hidden), redacted: true };
}
