import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ANONYMOUS_ACTOR,
  canSeeTicket,
  maskIds,
  communityDecider,
  communityStream,
  DomainError,
  hiddenReporters,
  seesInternal,
  SYSTEM_PRINCIPAL,
  ticketDecider,
  type TicketEvent,
  ticketStream,
} from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, foldStream, type EventStore, type StoredEvent } from '@jinlin/event-store';
import { PeopleDirectory } from '../../people/people-directory';
import { actorName } from '../ticket-names';
import { TicketTimelineQuery, type TicketTimeline, type TimelineEntry } from './ticket-timeline.query';

/** Read from the log itself, not a read model: the timeline is the audit record, hashes included. */
@QueryHandler(TicketTimelineQuery)
export class TicketTimelineHandler implements IQueryHandler<TicketTimelineQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ticketId, user }: TicketTimelineQuery): Promise<TicketTimeline> {
    const events = await this.store.readStream<TicketEvent>(ticketStream(ticketId));
    const { state } = foldStream(events, ticketDecider);
    if (!state.exists) throw new DomainError('TICKET_NOT_FOUND');
    const community = (await aggregateStream(this.store, communityStream(state.communityId), communityDecider)).state;
    const scope = { ...state, managingCompanyId: community.exists ? community.propertyCompanyId : null };
    if (!canSeeTicket(user, scope)) throw new DomainError('TICKET_NOT_FOUND');
    const internalToo = seesInternal(user, scope);
    const shown = internalToo ? events : events.filter((e) => !(e.type === 'TicketCommented' && e.data.internal));
    const [verdict, names] = await Promise.all([
      this.store.verifyStream(ticketStream(ticketId)),
      this.people.names(shown.flatMap((e) => actorOf(e)?.id ?? [])),
    ]);
    const toEntry = masked(entryWith(names), hiddenReporters(user, state, shown));
    return {
      ticketId,
      // Without the internal comments the versions would have gaps that tell there were some
      // (SPEC §4.4): who does not see them does not see versions either.
      events: internalToo ? shown.map(toEntry) : shown.map((e) => withoutVersion(toEntry(e))),
      chain: verdict.valid ? 'valid' : 'broken',
    };
  }
}

/** The one masking rule (ticket.privacy.ts) applied to each entry: actor, data, and no hash to check a guess against. */
const masked =
  (toEntry: (e: StoredEvent<TicketEvent>) => TimelineEntry, hidden: ReadonlySet<string>) =>
  (e: StoredEvent<TicketEvent>): TimelineEntry => {
    const entry = toEntry(e);
    if (hidden.size === 0) return entry;
    const actor = entry.actor?.id && hidden.has(entry.actor.id) ? { ...ANONYMOUS_ACTOR } : entry.actor;
    const { hash: _guessable, ...rest } = entry;
    return { ...rest, actor, data: maskIds(entry.data, hidden) };
  };

function withoutVersion(entry: TimelineEntry): TimelineEntry {
  const { version: _hidden, ...rest } = entry;
  return rest;
}

/**
 * Who did it: whoever sent the request, except an event the decider records as the system's in
 * that same request (the resume a reporter's comment brings about, SPEC §4.2 rule 6).
 */
function actorOf(e: StoredEvent<TicketEvent>) {
  const by = 'by' in e.data ? e.data.by : undefined;
  return by?.id === SYSTEM_PRINCIPAL.id ? by : e.metadata.actor;
}

const entryWith =
  (names: ReadonlyMap<string, string>) =>
  (e: StoredEvent<TicketEvent>): TimelineEntry => {
    const actor = actorOf(e);
    return {
      position: e.globalPosition,
      version: e.streamVersion,
      type: e.type,
      at: e.recordedAt.toISOString(),
      actor: actor ? { id: actor.id, roles: actor.roles, name: actorName(names, actor.id) } : null,
      data: e.data,
      hash: e.hash,
    };
  };
