import type { TicketEvent } from './ticket.events';

export const isCompanyActor = (by: { roles: readonly string[] }): boolean => by.roles.includes('staff') || by.roles.includes('manager');

/**
 * When this event answers the resident on the company's behalf, or null: an acknowledge, an action,
 * a resolve, or a public comment by company staff (SPEC §6, `firstResponseSeconds`).
 */
export function responseAt(event: TicketEvent): string | null {
  switch (event.type) {
    case 'TicketAcknowledged':
      return event.data.acknowledgedAt;
    case 'TicketActionRecorded':
      return event.data.recordedAt;
    case 'TicketResolved':
      return event.data.resolvedAt;
    case 'TicketCommented':
      return !event.data.internal && isCompanyActor(event.data.by) ? event.data.commentedAt : null;
    default:
      return null;
  }
}

/**
 * The first response after one more event: the earliest response time seen. Earliest by time, not
 * by arrival, so every reader (the decider's state, the ticket list, the dashboards) agrees even
 * where two events of a stream carry times out of order.
 */
export function firstResponseAfter(current: string | null, event: TicketEvent): string | null {
  const at = responseAt(event);
  if (at === null) return current;
  return current === null || Date.parse(at) < Date.parse(current) ? at : current;
}
