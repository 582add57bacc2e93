import { DomainError } from '../shared/domain-error';
import { actorRef, type ActorRef } from '../shared/principal';
import type { BusinessClock, ResumeTicket, WaitTicket } from './ticket.commands';
import type { TicketEvent, TicketResumed } from './ticket.events';
import { mustBeActive, mustBeCompany, mustBeIn } from './ticket.rules';
import { MONDAY_TO_FRIDAY, pushedBack } from './ticket.sla';
import type { FiledTicket } from './ticket.state';

/**
 * SPEC §4.2 rule 6 and §4.9: the company waits on the resident (to open the door, to send a photo),
 * on parts or on a third party. Only the resident's share stops the clock; the rest is the
 * company's to chase.
 */
export function decideWait(command: WaitTicket, ticket: FiledTicket): TicketEvent[] {
  const { actor, now, managingCompanyId } = command.metadata;
  mustBeCompany(actor, managingCompanyId, 'put a ticket on hold');
  mustBeActive(ticket);
  if (ticket.waiting) throw new DomainError('ALREADY_WAITING', ticket.waiting.on);
  mustBeIn(ticket, ['acknowledged', 'in_progress'], (status) => new DomainError('CANNOT_WAIT', status));
  const { on, reason } = command.data;
  return [{ type: 'TicketWaiting', data: { ticketId: ticket.id, on, reason, waitingSince: now, by: actorRef(actor) } }];
}

export function decideResume(command: ResumeTicket, ticket: FiledTicket): TicketEvent[] {
  const { actor, now, managingCompanyId, businessClock } = command.metadata;
  mustBeCompany(actor, managingCompanyId, 'resume a ticket');
  mustBeActive(ticket);
  if (!ticket.waiting) throw new DomainError('NOT_WAITING', ticket.status);
  return [resumed(ticket, now, 'resume', actorRef(actor), businessClock)];
}

/**
 * The end of the ticket's wait at `now`. A wait on the resident pushes back what is still owed —
 * the resolve deadline and its warning — by the wait's time on the deadline's own clock; one that
 * had passed before the wait began stays where it was (a pause cannot undo a breach).
 */
export function resumed(
  ticket: FiledTicket,
  now: string,
  cause: TicketResumed['data']['cause'],
  by: ActorRef,
  business: BusinessClock = MONDAY_TO_FRIDAY,
): TicketResumed {
  const wait = ticket.waiting!;
  const onResident = wait.on === 'resident';
  // At or before, as the timer's stopped-clock rule (ticket.system.ts): a wait that began on the
  // deadline's very instant stopped it, so the resume pushes it.
  const before = (instant: string | null): instant is string => instant !== null && Date.parse(wait.since) <= Date.parse(instant);
  const push = (instant: string) => pushedBack(instant, wait.since, now, ticket.slaClock, business);
  const resolveOwed = onResident && !ticket.breached.resolve && ticket.firstResolvedAt === null && before(ticket.resolveBy);
  const warnOwed = onResident && !ticket.warned.resolve && ticket.firstResolvedAt === null && before(ticket.warnAt.resolve);
  return {
    type: 'TicketResumed',
    data: {
      ticketId: ticket.id,
      on: wait.on,
      waitingSince: wait.since,
      resumedAt: now,
      cause,
      pausedSeconds: onResident ? Math.max(0, Math.floor((Date.parse(now) - Date.parse(wait.since)) / 1000)) : 0,
      ...(resolveOwed ? { resolveBy: push(ticket.resolveBy) } : {}),
      ...(warnOwed ? { resolveWarnAt: push(ticket.warnAt.resolve!) } : {}),
      by,
    },
  };
}
