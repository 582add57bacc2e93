import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { canSeeHandover, DomainError, handoverDecider, type HandoverEvent, handoverStream, hasRole } from '@jinlin/domain';
import { EVENT_STORE, foldStream, type EventStore } from '@jinlin/event-store';
import { HandoverTimelineQuery, type HandoverTimeline } from './handover-timeline.query';

/** Read from the log itself, not a read model: the timeline is the record, with its hash-chain verdict. */
@QueryHandler(HandoverTimelineQuery)
export class HandoverTimelineHandler implements IQueryHandler<HandoverTimelineQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, handoverId }: HandoverTimelineQuery): Promise<HandoverTimeline> {
    const events = await this.store.readStream<HandoverEvent>(handoverStream(handoverId));
    const { state } = foldStream(events, handoverDecider);
    if (!state.exists || (!canSeeHandover(user, state) && !hasRole(user, 'admin'))) throw new DomainError('HANDOVER_NOT_FOUND');
    const verdict = await this.store.verifyStream(handoverStream(handoverId));
    return {
      handoverId,
      events: events.map((e) => ({
        position: e.globalPosition,
        version: e.streamVersion,
        type: e.type,
        at: e.recordedAt.toISOString(),
        actor: e.metadata.actor ?? null,
        data: e.data,
      })),
      chain: verdict.valid ? 'valid' : 'broken',
    };
  }
}
