import { addMinutes } from '../shared/command';
import { actorRef, SYSTEM_PRINCIPAL } from '../shared/principal';
import type { SystemTicketCommand } from './ticket.commands';
import { ESCALATION_LEVELS, type TicketEvent } from './ticket.events';
import type { FiledTicket, Ticket } from './ticket.state';

export const AUTO_CLOSE_AFTER_MINUTES = 7 * 24 * 60;

type Kind = 'acknowledge' | 'resolve';

/**
 * The service's own processes ask; the ticket answers with what time has made due, and with
 * nothing when the moment has not come or has already been recorded. Asking twice is therefore
 * harmless, and so is asking late: met or not is judged by when the response or the first resolve
 * came, not by when the timer looks.
 */
export function decideSystem(command: SystemTicketCommand, state: Ticket): TicketEvent[] {
  if (!state.exists) return [];
  const { now } = command.metadata;
  const ticketId = state.id;
  switch (command.type) {
    case 'BreachSla': {
      const { kind } = command.data;
      if (state.breached[kind]) return [];
      const deadline = kind === 'acknowledge' ? state.acknowledgeBy : state.resolveBy;
      if (!passedUnmet(state, kind, deadline, now)) return [];
      return [{ type: 'TicketSlaBreached', data: { ticketId, kind, deadline, detectedAt: now } }];
    }
    case 'WarnSla': {
      const { kind } = command.data;
      const warnAt = state.warnAt[kind];
      if (warnAt === null || state.warned[kind] || state.breached[kind]) return [];
      if (!passedUnmet(state, kind, warnAt, now)) return [];
      const deadline = kind === 'acknowledge' ? state.acknowledgeBy : state.resolveBy;
      return [{ type: 'TicketSlaWarning', data: { ticketId, kind, warnAt, deadline, detectedAt: now } }];
    }
    case 'EscalateOverdue':
      return climb(state, now);
    case 'AutoCloseTicket': {
      if (state.status !== 'resolved' || !state.resolvedAt) return [];
      if (Date.parse(now) < Date.parse(addMinutes(state.resolvedAt, AUTO_CLOSE_AFTER_MINUTES))) return [];
      return [{ type: 'TicketAutoClosed', data: { ticketId, closedAt: now, resolvedAt: state.resolvedAt } }];
    }
    case 'TransferTicket': {
      const { fromCompanyId, toCompanyId, handoverId } = command.data;
      if (state.status === 'closed' || state.status === 'withdrawn' || state.status === 'merged' || state.companyId === toCompanyId)
        return [];
      return [{ type: 'TicketTransferred', data: { ticketId, fromCompanyId, toCompanyId, handoverId, transferredAt: now } }];
    }
  }
}

/**
 * Whether `instant` (a deadline or its warning) has passed with the deadline unmet. A ticket
 * waiting on the resident since before it has a stopped clock: it has not passed yet (the resume
 * pushes it back); one that passed before the wait began stays passed.
 */
function passedUnmet(state: FiledTicket, kind: Kind, instant: string, now: string): boolean {
  if (state.status === 'withdrawn' || state.status === 'merged') return false;
  const at = Date.parse(instant);
  if (Date.parse(now) < at) return false;
  const metAt = kind === 'acknowledge' ? state.respondedAt : state.firstResolvedAt;
  if (metAt !== null && Date.parse(metAt) <= at) return false;
  return !(state.waiting?.on === 'resident' && metAt === null && Date.parse(state.waiting.since) <= at);
}

/**
 * SPEC §4.9's ladder: after a resolve breach, one level up at each step of the policy's
 * escalateAfterBreachMinutes (step i is level i: committee, party branch, 社区, 街道), by the
 * system, never below the level the ticket already has and never once it is resolved. A timer
 * that was down records each missed step in order, each level once.
 */
function climb(state: FiledTicket, now: string): TicketEvent[] {
  if (!state.breached.resolve || !['open', 'acknowledged', 'in_progress', 'waiting'].includes(state.status)) return [];
  let current = state.escalationLevel === null ? -1 : ESCALATION_LEVELS.indexOf(state.escalationLevel);
  const events: TicketEvent[] = [];
  state.escalateAfterBreachMinutes.forEach((minutes, step) => {
    if (step <= current || step >= ESCALATION_LEVELS.length) return;
    if (Date.parse(now) < Date.parse(addMinutes(state.resolveBy, minutes))) return;
    current = step;
    events.push({
      type: 'TicketEscalated',
      data: {
        ticketId: state.id,
        level: ESCALATION_LEVELS[step],
        reason: `resolve deadline ${state.resolveBy} missed: step ${step + 1} of the ladder, ${minutes} minutes after it`,
        escalatedAt: now,
        by: actorRef(SYSTEM_PRINCIPAL),
        cause: 'sla',
        step,
      },
    });
  });
  return events;
}

/**
 * When the ladder's next step falls due for this ticket, or null when nothing more will climb:
 * the SLA timer's work list is built from this (re-read after every event, so a manual
 * escalation past a step skips it).
 */
export function nextEscalationAt(state: Ticket): string | null {
  if (!state.exists || !state.breached.resolve || !['open', 'acknowledged', 'in_progress', 'waiting'].includes(state.status)) return null;
  const current = state.escalationLevel === null ? -1 : ESCALATION_LEVELS.indexOf(state.escalationLevel);
  const step = state.escalateAfterBreachMinutes.findIndex((_, i) => i > current && i < ESCALATION_LEVELS.length);
  return step === -1 ? null : addMinutes(state.resolveBy, state.escalateAfterBreachMinutes[step]);
}
