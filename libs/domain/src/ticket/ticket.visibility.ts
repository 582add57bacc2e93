import { DomainError } from '../shared/domain-error';
import { actorRef, hasRole } from '../shared/principal';
import { isManagingCompanyUser, isReporter, supervises } from './ticket.access';
import type { ChangeVisibility } from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import { mustBeActive, mustSee } from './ticket.rules';
import type { Ticket } from './ticket.state';

/**
 * SPEC §4.7: a ticket is shown to the community's residents when its reporter chooses so, or when
 * the company (or the committee, the secretary) sees a public-area problem in it; they may take it
 * back. Not once it is closed, withdrawn or merged; setting what it is already appends nothing.
 */
export function decideVisibility(command: ChangeVisibility, state: Ticket): TicketEvent[] {
  const { actor, now, managingCompanyId } = command.metadata;
  const ticket = mustSee(state, actor, managingCompanyId);
  const may =
    isReporter(actor, ticket) ||
    isManagingCompanyUser(actor, managingCompanyId) ||
    supervises(actor, ticket.communityId) ||
    hasRole(actor, 'admin');
  if (!may) throw new DomainError('VISIBILITY_NOT_ALLOWED');
  mustBeActive(ticket);
  const { visibility } = command.data;
  if (ticket.visibility === visibility) return [];
  return [{ type: 'TicketVisibilityChanged', data: { ticketId: ticket.id, visibility, changedAt: now, by: actorRef(actor) } }];
}
