import { handoverStream, ticketStream } from '@jinlin/domain';
import type { EventStore, StoredEvent } from '@jinlin/event-store';

/** The community token of an event that belongs to none (a person, a company, an audit seal). */
export const NO_COMMUNITY = '_';

/** Streams whose later events do not repeat the community their first event named. */
const LOOKED_UP = [ticketStream(''), handoverStream('')];
const COMMUNITY_STREAM = 'community-';
const CAPACITY = 50_000;

/** A subject token may not hold `.`, `*`, `>` or whitespace; slugs never do, anything else is flattened. */
export const subjectToken = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_') || NO_COMMUNITY;

/**
 * The community of each event, for its subject `<prefix>.<communityId>.<type>`: its own
 * `communityId` where it has one (TicketFiled, the community's own events, HandoverStarted …), the
 * community stream's id, or, for the later events of a ticket or a handover, what the stream's
 * first such event named: remembered as the publisher passes it, else read from the stream once
 * (after a restart, or once the map has forgotten it). Everything else gets `_`.
 */
export class StreamCommunities {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  async of(event: StoredEvent): Promise<string> {
    const own = (event.data as { communityId?: unknown }).communityId;
    if (typeof own === 'string' && own) {
      if (lookedUp(event.streamId)) this.remember(event.streamId, own);
      return own;
    }
    if (event.streamId.startsWith(COMMUNITY_STREAM)) return event.streamId.slice(COMMUNITY_STREAM.length);
    if (!lookedUp(event.streamId)) return NO_COMMUNITY;
    const known = this.known.get(event.streamId);
    if (known) return known;
    const found = (await this.store.readStream(event.streamId))
      .map((e) => (e.data as { communityId?: unknown }).communityId)
      .find((id): id is string => typeof id === 'string' && id !== '');
    if (!found) return NO_COMMUNITY;
    this.remember(event.streamId, found);
    return found;
  }

  private remember(streamId: string, communityId: string): void {
    if (this.known.has(streamId)) return;
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value!);
    this.known.set(streamId, communityId);
  }
}

const lookedUp = (streamId: string) => LOOKED_UP.some((prefix) => streamId.startsWith(prefix));
