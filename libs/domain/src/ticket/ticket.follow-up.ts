import { DomainError } from '../shared/domain-error';
import { hasRole, actorRef, type Principal } from '../shared/principal';
import { isManagingCompanyUser, supervises } from './ticket.access';
import type { FollowUpTicket } from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import type { FiledTicket } from './ticket.state';

/** Below this a reached resident's score reopens a resolved ticket; at or above the next it closes one without a reporter. */
export const POOR_FOLLOW_UP_SCORE = 2;
export const SATISFIED_FOLLOW_UP_SCORE = 3;

/** 回访 is customer service's: the managing company's manager, or the committee and secretary of the community (SPEC §4.1). */
function mustMayFollowUp(actor: Principal, ticket: FiledTicket, managingCompanyId: string | null): void {
  const manager = isManagingCompanyUser(actor, managingCompanyId) && hasRole(actor, 'manager');
  if (!manager && !supervises(actor, ticket.communityId)) throw new DomainError('FOLLOW_UP_NOT_ALLOWED');
}

/**
 * A follow-up is recorded after resolve, on a closed ticket too (SPEC §4.2 rule 5). On a ticket
 * still `resolved` a reached resident's answer can decide it: a poor score reopens it, as a reject
 * would; a satisfied one closes a ticket that has no reporter to confirm it. A closed ticket stays
 * closed whatever the score.
 */
export function decideFollowUp(command: FollowUpTicket, ticket: FiledTicket): TicketEvent[] {
  const { actor, now, managingCompanyId } = command.metadata;
  const { method, reached, score, note } = command.data;
  mustMayFollowUp(actor, ticket, managingCompanyId);
  if (!reached && score !== null) throw new DomainError('SCORE_WITHOUT_REACH');
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') throw new DomainError('FOLLOW_UP_BEFORE_RESOLVE', ticket.status);
  const by = actorRef(actor);
  const events: TicketEvent[] = [
    { type: 'TicketFollowedUp', data: { ticketId: ticket.id, method, reached, score, note, followedUpAt: now, by } },
  ];
  if (ticket.status !== 'resolved' || !reached || score === null) return events;
  if (score <= POOR_FOLLOW_UP_SCORE) {
    events.push({ type: 'TicketReopened', data: { ticketId: ticket.id, cause: 'follow_up', reopenedAt: now, by } });
  } else if (score >= SATISFIED_FOLLOW_UP_SCORE && ticket.reporterId === null) {
    events.push({ type: 'TicketClosedByFollowUp', data: { ticketId: ticket.id, closedAt: now, resolvedAt: ticket.resolvedAt ?? now, by } });
  }
  return events;
}
