import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole } from '../shared/principal';
import { canSeeTicket, isManagingCompanyUser, isReporter, supervises } from './ticket.access';
import type { MergeTicket, RecordDuplicateMerged, SupportTicket } from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import { seesAsNeighbour } from './ticket.privacy';
import { isFinished, mustBeActive } from './ticket.rules';
import type { Ticket } from './ticket.state';

/**
 * Support (附议) and merge, SPEC §4.7. A neighbour supports a community-visible ticket once; the
 * reporter does not support their own. A merge is decided on the duplicate with the primary's state
 * beside it; the primary records its half (TicketDuplicateMerged) afterwards, from the duplicate's
 * TicketMerged, and that half is idempotent.
 */
export function decideSupport(command: SupportTicket, state: Ticket): TicketEvent[] {
  const { actor, now, managingCompanyId } = command.metadata;
  const scope = state.exists ? { ...state, managingCompanyId } : null;
  if (!state.exists || !scope || !(canSeeTicket(actor, scope) || seesAsNeighbour(actor, scope))) throw new DomainError('TICKET_NOT_FOUND');
  if (isReporter(actor, state)) throw new DomainError('CANNOT_SUPPORT_OWN');
  if (!hasRole(actor, 'resident') || !actor.communities.includes(state.communityId)) throw new DomainError('SUPPORT_RESIDENTS_ONLY');
  if (state.visibility !== 'community') throw new DomainError('TICKET_NOT_FOUND');
  mustBeActive(state);
  if (state.supporters.includes(actor.id)) throw new DomainError('ALREADY_SUPPORTED');
  return [{ type: 'TicketSupported', data: { ticketId: state.id, supportedAt: now, by: actorRef(actor) } }];
}

export function decideMerge(command: MergeTicket, state: Ticket): TicketEvent[] {
  const { actor, now, managingCompanyId } = command.metadata;
  const { intoTicketId, into, intoManagingCompanyId } = command.data;
  if (!state.exists || !canSeeTicket(actor, { ...state, managingCompanyId })) throw new DomainError('TICKET_NOT_FOUND');
  const mayMerge = hasRole(actor, 'admin') || supervises(actor, state.communityId) || isManagingCompanyUser(actor, managingCompanyId);
  if (!mayMerge) throw new DomainError('MERGE_NOT_ALLOWED');
  if (intoTicketId === state.id) throw new DomainError('MERGE_INTO_ITSELF');
  if (!into.exists || !canSeeTicket(actor, { ...into, managingCompanyId: intoManagingCompanyId }))
    throw new DomainError('MERGE_TARGET_NOT_FOUND');
  mustBeActive(state);
  if (state.status === 'resolved') throw new DomainError('CANNOT_MERGE', state.status);
  if (into.communityId !== state.communityId) throw new DomainError('MERGE_ACROSS_COMMUNITIES');
  if (isFinished(into)) throw new DomainError('MERGE_INTO_FINISHED', into.status);
  return [{ type: 'TicketMerged', data: { ticketId: state.id, intoTicketId, mergedAt: now, by: actorRef(actor) } }];
}

/** Nothing when already recorded: the merge's second half may be asked for more than once. */
export function decideDuplicateMerged(command: RecordDuplicateMerged, state: Ticket): TicketEvent[] {
  const { duplicateId, duplicate, mergedBy } = command.data;
  if (!state.exists || state.duplicates.includes(duplicateId)) return [];
  if (!duplicate.exists || duplicate.mergedInto !== state.id) return [];
  const candidate = duplicate.reporterId;
  // The primary's own reporter is carried over like anyone else: were it left out, the count and
  // the event would tell whoever filed the duplicate that its reporter also filed an anonymous primary.
  const counted = candidate === null || state.supporters.includes(candidate);
  return [
    {
      type: 'TicketDuplicateMerged',
      data: {
        ticketId: state.id,
        duplicateId,
        supporterId: counted ? null : candidate,
        supporterAnonymous: duplicate.anonymous,
        mergedAt: command.metadata.now,
        by: mergedBy,
      },
    },
  ];
}
