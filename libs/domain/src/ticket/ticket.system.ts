import { addMinutes } from '../shared/command';
import type { SystemTicketCommand } from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import type { Ticket } from './ticket.state';

export const AUTO_CLOSE_AFTER_MINUTES = 7 * 24 * 60;

/**
 * The service's own processes ask; the ticket answers with at most one event, and with none when
 * the moment has not come or has already been recorded. Asking twice is therefore harmless.
 */
export function decideSystem(command: SystemTicketCommand, state: Ticket): TicketEvent[] {
  if (!state.exists) return [];
  const { now } = command.metadata;
  const ticketId = state.id;
  switch (command.type) {
    case 'BreachSla': {
      // Met or not is judged by when the response or the first resolve came, not by when the
      // timer looks: a timer that runs late still records a deadline that was missed.
      const { kind } = command.data;
      if (state.breached[kind] || state.status === 'withdrawn' || state.status === 'merged') return [];
      const deadline = kind === 'acknowledge' ? state.acknowledgeBy : state.resolveBy;
      const metAt = kind === 'acknowledge' ? state.respondedAt : state.firstResolvedAt;
      if (Date.parse(now) < Date.parse(deadline) || (metAt !== null && Date.parse(metAt) <= Date.parse(deadline))) return [];
      return [{ type: 'TicketSlaBreached', data: { ticketId, kind, deadline, detectedAt: now } }];
    }
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
