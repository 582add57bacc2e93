import { communityDecider, communityStream, type Community, type CommunityEvent } from '@jinlin/domain';
import type { EventStore } from '@jinlin/event-store';

/** Current community state from its own events: who manages it now, its SLA policies. */
export async function loadCommunity(store: EventStore, communityId: string): Promise<Community> {
  const events = await store.readStream(communityStream(communityId));
  return events.reduce(
    (state, e) => communityDecider.evolve(state, { type: e.type, data: e.data } as unknown as CommunityEvent),
    communityDecider.initialState(),
  );
}

export async function managingCompanyOf(store: EventStore, communityId: string): Promise<string | null> {
  const community = await loadCommunity(store, communityId);
  return community.exists ? community.propertyCompanyId : null;
}
