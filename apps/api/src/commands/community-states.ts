import { Inject, Injectable } from '@nestjs/common';
import { communityDecider, communityStream, type Community } from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type AppendGuard, type EventStore } from '@jinlin/event-store';

/** `cached`: this copy was not read just now, so a decision that refuses on it deserves a fresh look. */
export type KnownCommunity = Readonly<{ state: Community; guard: AppendGuard; cached: boolean }>;

const CAPACITY = 10_000;

/**
 * Communities as this process last read them, for the ticket commands that decide on them (who
 * manages it now, its SLA policies). A copy may be stale: every append that used one carries it
 * as a guard, so a stale copy fails that append, is forgotten here, and the command is decided
 * again on a fresh read. A ticket command thus costs one round trip instead of two. A refusal
 * appends nothing, so no guard catches a stale copy there: callers re-decide a refusal made on a
 * cached copy (see TicketDecisions). Unknown communities are not kept, so made-up ids cannot
 * crowd out real ones.
 */
@Injectable()
export class CommunityStates {
  private readonly known = new Map<string, KnownCommunity>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(communityId: string): Promise<KnownCommunity> {
    const streamId = communityStream(communityId);
    const cached = this.known.get(streamId);
    if (cached) return { ...cached, cached: true };
    const { state, version } = await aggregateStream(this.store, streamId, communityDecider);
    const known = { state, guard: { streamId, version }, cached: false };
    if (!state.exists) return known;
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value!);
    this.known.set(streamId, known);
    return known;
  }

  forget(streamId: string): void {
    this.known.delete(streamId);
  }
}
