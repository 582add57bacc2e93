import { isCategory } from '../catalogue/categories';
import { slaFor } from '../community/community';
import { DomainError } from '../shared/domain-error';
import { actorRef, SYSTEM_PRINCIPAL } from '../shared/principal';
import { isReporter, seesInternal } from './ticket.access';
import type { FileTicket, TicketCommand } from './ticket.commands';
import { decideDuplicateMerged, decideMerge, decideSupport } from './ticket.merge';
import { decideFollowUp } from './ticket.follow-up';
import { decideVisibility } from './ticket.visibility';
import { photosOf } from './ticket.photos';
import { decideSystem } from './ticket.system';
import { mustBeRegisteredPlace } from './ticket.location';
import { deadlinesAtFiling, MONDAY_TO_FRIDAY } from './ticket.sla';
import { decideResume, decideWait, resumed } from './ticket.wait';
import type { TicketEvent } from './ticket.events';
import {
  mustBeActive,
  mustBeAssignable,
  mustBeCompany,
  mustBeHigherEscalation,
  mustBeIn,
  mustBeReporter,
  mustMayEscalate,
  mustSee,
  reporterOfNewTicket,
} from './ticket.rules';
import { evolveTicket, initialTicket, type Ticket } from './ticket.state';

export function decideTicket(command: TicketCommand, state: Ticket): TicketEvent[] {
  if (command.type === 'FileTicket') return fileTicket(command, state);
  if (
    command.type === 'BreachSla' ||
    command.type === 'WarnSla' ||
    command.type === 'EscalateOverdue' ||
    command.type === 'AutoCloseTicket' ||
    command.type === 'TransferTicket'
  ) {
    return decideSystem(command, state);
  }
  if (command.type === 'SupportTicket') return decideSupport(command, state);
  if (command.type === 'ChangeVisibility') return decideVisibility(command, state);
  if (command.type === 'MergeTicket') return decideMerge(command, state);
  if (command.type === 'RecordDuplicateMerged') return decideDuplicateMerged(command, state);
  const { actor, now, managingCompanyId, businessClock } = command.metadata;
  const ticket = mustSee(state, actor, managingCompanyId);
  const base = { ticketId: ticket.id, by: actorRef(actor) };
  switch (command.type) {
    case 'AcknowledgeTicket':
      mustBeCompany(actor, managingCompanyId, 'acknowledge');
      if (ticket.acknowledged) throw new DomainError('ALREADY_ACKNOWLEDGED');
      mustBeIn(ticket, ['open', 'in_progress', 'waiting'], (status) => new DomainError('CANNOT_ACKNOWLEDGE', status));
      return [
        { type: 'TicketAcknowledged', data: { ...base, message: command.data.message, acknowledgedAt: now, ...photosOf(command.data) } },
      ];
    case 'AssignTicket':
      mustBeCompany(actor, managingCompanyId, 'assign', true);
      mustBeActive(ticket);
      mustBeAssignable(command.data.assignee, managingCompanyId);
      return [{ type: 'TicketAssigned', data: { ...base, assigneeId: command.data.assigneeId, assignedAt: now } }];
    case 'RecordAction':
      mustBeCompany(actor, managingCompanyId, 'record work');
      mustBeIn(ticket, ['open', 'acknowledged', 'in_progress', 'waiting'], (status) => new DomainError('CANNOT_RECORD_ACTION', status));
      return [
        {
          type: 'TicketActionRecorded',
          data: { ...base, description: command.data.description, recordedAt: now, ...photosOf(command.data) },
        },
      ];
    case 'CommentOnTicket': {
      if (command.data.internal && !seesInternal(actor, { ...ticket, managingCompanyId }))
        throw new DomainError('INTERNAL_COMMENT_NOT_ALLOWED');
      // The resident the company waits on has answered: the clock runs again (SPEC §4.2 rule 6).
      const answered = ticket.waiting?.on === 'resident' && !command.data.internal && isReporter(actor, ticket);
      return [
        ...(answered ? [resumed(ticket, now, 'reporter_comment', actorRef(SYSTEM_PRINCIPAL), businessClock)] : []),
        {
          type: 'TicketCommented',
          data: { ...base, text: command.data.text, internal: command.data.internal, commentedAt: now, ...photosOf(command.data) },
        },
      ];
    }
    case 'ResolveTicket':
      mustBeCompany(actor, managingCompanyId, 'resolve');
      mustBeActive(ticket);
      if (ticket.status === 'resolved') throw new DomainError('ALREADY_RESOLVED');
      if (ticket.actions === 0) throw new DomainError('RESOLVE_NEEDS_ACTION');
      return [
        // A resolve ends the wait (rule 6): the pause is counted before the resolve is judged.
        ...(ticket.waiting ? [resumed(ticket, now, 'resolve', base.by, businessClock)] : []),
        { type: 'TicketResolved', data: { ...base, resolution: command.data.resolution, resolvedAt: now, ...photosOf(command.data) } },
      ];
    case 'ConfirmResolution':
      mustBeReporter(actor, ticket, 'confirm the resolution');
      mustBeIn(ticket, ['resolved'], (status) => new DomainError('NOT_RESOLVED', status, 'confirmed'));
      return [{ type: 'TicketResolutionConfirmed', data: { ...base, confirmedAt: now } }];
    case 'RejectResolution':
      mustBeReporter(actor, ticket, 'reject the resolution');
      mustBeIn(ticket, ['resolved'], (status) => new DomainError('NOT_RESOLVED', status, 'rejected'));
      return [{ type: 'TicketResolutionRejected', data: { ...base, reason: command.data.reason, rejectedAt: now } }];
    case 'RateTicket':
      mustBeReporter(actor, ticket, 'rate the ticket');
      if (ticket.rated) throw new DomainError('ALREADY_RATED');
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') throw new DomainError('NOT_RESOLVED', ticket.status, 'rated');
      return [{ type: 'TicketRated', data: { ...base, score: command.data.score, comment: command.data.comment, ratedAt: now } }];
    case 'EscalateTicket':
      mustMayEscalate(actor, ticket);
      mustBeActive(ticket);
      mustBeHigherEscalation(ticket, command.data.level);
      return [{ type: 'TicketEscalated', data: { ...base, level: command.data.level, reason: command.data.reason, escalatedAt: now } }];
    case 'WithdrawTicket':
      mustBeReporter(actor, ticket, 'withdraw the ticket');
      mustBeIn(ticket, ['open', 'acknowledged', 'in_progress', 'waiting'], (status) => new DomainError('CANNOT_WITHDRAW', status));
      return [{ type: 'TicketWithdrawn', data: { ...base, reason: command.data.reason, withdrawnAt: now } }];
    case 'FollowUpTicket':
      return decideFollowUp(command, ticket);
    case 'WaitTicket':
      return decideWait(command, ticket);
    case 'ResumeTicket':
      return decideResume(command, ticket);
  }
}

function fileTicket(command: FileTicket, state: Ticket): TicketEvent[] {
  const { actor, now, businessClock } = command.metadata;
  const { community, reporter, anonymous, visibility, attachments, ...data } = command.data;
  if (state.exists) throw new DomainError('TICKET_EXISTS');
  if (!community.exists) throw new DomainError('COMMUNITY_NOT_FOUND', data.communityId);
  if (!isCategory(data.category)) throw new DomainError('UNKNOWN_CATEGORY', data.category);
  const reporterId = reporterOfNewTicket(actor, community, reporter);
  if (anonymous && reporterId === null) throw new DomainError('ANONYMOUS_NOT_ALLOWED');
  mustBeRegisteredPlace(community, data.location);
  const sla = slaFor(community, data.category);
  const deadlines = deadlinesAtFiling(now, sla, businessClock ?? MONDAY_TO_FRIDAY);
  return [
    {
      type: 'TicketFiled',
      data: {
        ...data,
        companyId: community.propertyCompanyId,
        reporterId,
        filedAt: now,
        sla,
        ...deadlines,
        by: actorRef(actor),
        ...(anonymous ? { anonymous: true } : {}),
        ...(visibility === 'community' ? { visibility } : {}),
        ...photosOf({ attachments }),
      },
    },
  ];
}

export const ticketDecider = { decide: decideTicket, evolve: evolveTicket, initialState: initialTicket };
