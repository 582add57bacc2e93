import { Query } from '@nestjs/cqrs';
import type { Principal, TicketEvent } from '@jinlin/domain';
import type { ActorRef } from '@jinlin/event-store';

/**
 * Who acted, with the directory's name at read time (null when not in it, [已删除] once erased).
 * An anonymous reporter, to those who may not know them: id null, name 匿名居民 (SPEC §4.7).
 */
export type TimelineActor = Omit<ActorRef, 'id'> & Readonly<{ id: string | null; name: string | null }>;

export type TimelineEntry = Readonly<{
  position: number;
  /** Absent for those who do not see internal comments (residents). */
  version?: number;
  type: TicketEvent['type'];
  at: string;
  /** Null for the service's own processes (SLA clock, auto-close, handover). */
  actor: TimelineActor | null;
  data: TicketEvent['data'];
  /** Absent where the data was masked: the hash would let a guess at who it was be checked. */
  hash?: string;
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
