import { isCategory } from '../catalogue/categories';
import { slaFor } from '../community/community';
import { addMinutes } from '../shared/command';
import { Forbidden, Invalid, NotFound, RuleBroken } from '../shared/domain-error';
import { actorRef, hasRole } from '../shared/principal';
import { isManagingCompanyUser, seesInternal, supervises } from './ticket.access';
import type { FileTicket, TicketCommand } from './ticket.commands';
import { decideSystem } from './ticket.system';
import type { TicketEvent } from './ticket.events';
import { mustBeActive, mustBeCompany, mustBeHigherEscalation, mustBeIn, mustBeReporter, mustMayEscalate, mustSee } from './ticket.rules';
import { evolveTicket, initialTicket, type Ticket } from './ticket.state';

export function decideTicket(command: TicketCommand, state: Ticket): TicketEvent[] {
  if (command.type === 'FileTicket') return fileTicket(command, state);
  if (command.type === 'BreachSla' || command.type === 'AutoCloseTicket' || command.type === 'TransferTicket') {
    return decideSystem(command, state);
  }
  const { actor, now, managingCompanyId } = command.metadata;
  const ticket = mustSee(state, actor, managingCompanyId);
  const base = { ticketId: ticket.id, by: actorRef(actor) };
  switch (command.type) {
    case 'AcknowledgeTicket':
      mustBeCompany(actor, managingCompanyId, 'acknowledge');
      if (ticket.acknowledged) throw new RuleBroken('ALREADY_ACKNOWLEDGED', 'the ticket was already acknowledged');
      mustBeIn(ticket, ['open', 'in_progress'], 'CANNOT_ACKNOWLEDGE', 'only an unresolved ticket can be acknowledged');
      return [{ type: 'TicketAcknowledged', data: { ...base, message: command.data.message, acknowledgedAt: now } }];
    case 'AssignTicket':
      mustBeCompany(actor, managingCompanyId, 'assign', true);
      mustBeActive(ticket);
      return [{ type: 'TicketAssigned', data: { ...base, assigneeId: command.data.assigneeId, assignedAt: now } }];
    case 'RecordAction':
      mustBeCompany(actor, managingCompanyId, 'record work');
      mustBeIn(ticket, ['open', 'acknowledged', 'in_progress'], 'CANNOT_RECORD_ACTION', 'work is recorded on unresolved tickets');
      return [{ type: 'TicketActionRecorded', data: { ...base, description: command.data.description, recordedAt: now } }];
    case 'CommentOnTicket':
      if (command.data.internal && !seesInternal(actor, { ...ticket, managingCompanyId })) {
        throw new Forbidden('INTERNAL_COMMENT_NOT_ALLOWED', 'internal comments are for the company, the committee and the secretary');
      }
      return [{ type: 'TicketCommented', data: { ...base, text: command.data.text, internal: command.data.internal, commentedAt: now } }];
    case 'ResolveTicket':
      mustBeCompany(actor, managingCompanyId, 'resolve');
      mustBeActive(ticket);
      if (ticket.status === 'resolved') throw new RuleBroken('ALREADY_RESOLVED', 'the ticket is already resolved');
      if (ticket.actions === 0)
        throw new RuleBroken('RESOLVE_NEEDS_ACTION', '"received" is not a fix: record the work done before resolving');
      return [{ type: 'TicketResolved', data: { ...base, resolution: command.data.resolution, resolvedAt: now } }];
    case 'ConfirmResolution':
      mustBeReporter(actor, ticket, 'confirm the resolution');
      mustBeIn(ticket, ['resolved'], 'NOT_RESOLVED', 'only a resolved ticket can be confirmed');
      return [{ type: 'TicketResolutionConfirmed', data: { ...base, confirmedAt: now } }];
    case 'RejectResolution':
      mustBeReporter(actor, ticket, 'reject the resolution');
      mustBeIn(ticket, ['resolved'], 'NOT_RESOLVED', 'only a resolved ticket can be rejected');
      return [{ type: 'TicketResolutionRejected', data: { ...base, reason: command.data.reason, rejectedAt: now } }];
    case 'RateTicket':
      mustBeReporter(actor, ticket, 'rate the ticket');
      if (ticket.rated) throw new RuleBroken('ALREADY_RATED', 'a ticket is rated once');
      if (ticket.status !== 'resolved' && ticket.status !== 'closed')
        throw new RuleBroken('NOT_RESOLVED', 'a ticket is rated after it is resolved');
      return [{ type: 'TicketRated', data: { ...base, score: command.data.score, comment: command.data.comment, ratedAt: now } }];
    case 'EscalateTicket':
      mustMayEscalate(actor, ticket);
      mustBeActive(ticket);
      mustBeHigherEscalation(ticket, command.data.level);
      return [{ type: 'TicketEscalated', data: { ...base, level: command.data.level, reason: command.data.reason, escalatedAt: now } }];
    case 'WithdrawTicket':
      mustBeReporter(actor, ticket, 'withdraw the ticket');
      mustBeIn(ticket, ['open', 'acknowledged', 'in_progress'], 'CANNOT_WITHDRAW', 'a ticket can be withdrawn only before it is resolved');
      return [{ type: 'TicketWithdrawn', data: { ...base, reason: command.data.reason, withdrawnAt: now } }];
  }
}

function fileTicket(command: FileTicket, state: Ticket): TicketEvent[] {
  const { actor, now } = command.metadata;
  const { community, ...data } = command.data;
  if (state.exists) throw new RuleBroken('TICKET_EXISTS', 'a ticket with this id already exists');
  if (!community.exists) throw new NotFound('COMMUNITY_NOT_FOUND', `community ${data.communityId} is not registered`);
  if (!isCategory(data.category)) throw new Invalid('UNKNOWN_CATEGORY', `unknown category ${data.category}`);
  const mayFile =
    hasRole(actor, 'admin') ||
    supervises(actor, community.id) ||
    isManagingCompanyUser(actor, community.propertyCompanyId) ||
    (hasRole(actor, 'resident') && actor.communities.includes(community.id));
  if (!mayFile) throw new Forbidden('NOT_YOUR_COMMUNITY', `you may not file tickets in community ${community.id}`);
  const sla = slaFor(community, data.category);
  return [
    {
      type: 'TicketFiled',
      data: {
        ...data,
        companyId: community.propertyCompanyId,
        reporterId: actor.id,
        filedAt: now,
        sla,
        acknowledgeBy: addMinutes(now, sla.acknowledgeWithinMinutes),
        resolveBy: addMinutes(now, sla.resolveWithinMinutes),
        by: actorRef(actor),
      },
    },
  ];
}

export const ticketDecider = { decide: decideTicket, evolve: evolveTicket, initialState: initialTicket };
