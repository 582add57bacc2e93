import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { ActorRef } from '@jinlin/event-store';

export type HandoverTimeline = Readonly<{
  handoverId: string;
  events: Readonly<{ position: number; version: number; type: string; at: string; actor: ActorRef | null; data: object }>[];
  chain: 'valid' | 'broken';
}>;

export class HandoverTimelineQuery extends Query<HandoverTimeline> {
  constructor(
    readonly user: Principal,
    readonly handoverId: string,
  ) {
    super();
  }
}
