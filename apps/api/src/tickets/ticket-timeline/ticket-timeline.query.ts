import { Query } from '@nestjs/cqrs';
import type { Principal, TicketEvent } from '@jinlin/domain';
import type { ActorRef } from '@jinlin/event-store';

export type TimelineEntry = Readonly<{
  position: number;
  /** Absent for those who do not see internal comments (residents). */
  version?: number;
  type: TicketEvent['type'];
  at: string;
  actor: ActorRef | null;
  data: TicketEvent['data'];
  hash: string;
}>;

export type TicketTimeline = Readonly<{ ticketId: string; events: TimelineEntry[]; chain: 'valid' | 'broken' }>;

/** Every event of the ticket the caller may see, in order, and whether its hash chain still verifies. */
export class TicketTimelineQuery extends Query<TicketTimeline> {
  constructor(
    readonly ticketId: string,
    readonly user: Principal,
  ) {
    super();
  }
}
