import type { TicketEvent } from '../ticket/ticket.events';
import type { NotifiedTicket } from './notification.rules';

/** The ticket events that change what the notifier knows of a ticket, beside those that tell someone. */
export const NOTIFIED_TICKET_EVENT_TYPES = [
  'TicketFiled',
  'TicketAssigned',
  'TicketEscalated',
  'TicketTransferred',
  'TicketSupported',
  'TicketDuplicateMerged',
] as const satisfies readonly TicketEvent['type'][];

const withSupporter = (ticket: NotifiedTicket, id: string | null): NotifiedTicket =>
  id === null || id === ticket.reporterId || ticket.supporters.includes(id)
    ? ticket
    : { ...ticket, supporters: [...ticket.supporters, id] };

/** Folds one event into what the notifier knows; an event of a ticket it never saw filed changes nothing. */
export function evolveNotifiedTicket(ticket: NotifiedTicket | undefined, event: TicketEvent): NotifiedTicket | undefined {
  if (event.type === 'TicketFiled') {
    const d = event.data;
    return {
      ticketId: d.ticketId,
      communityId: d.communityId,
      companyId: d.companyId,
      reporterId: d.reporterId,
      assigneeId: null,
      escalationLevel: null,
      supporters: [],
      title: d.title,
    };
  }
  if (!ticket) return undefined;
  switch (event.type) {
    case 'TicketAssigned':
      return { ...ticket, assigneeId: event.data.assigneeId };
    case 'TicketEscalated':
      return { ...ticket, escalationLevel: event.data.level };
    case 'TicketTransferred':
      // The assignee was the outgoing company's: nobody of the new company is assigned until it assigns.
      return { ...ticket, companyId: event.data.toCompanyId, assigneeId: null };
    case 'TicketSupported':
      return withSupporter(ticket, event.data.by.id);
    case 'TicketDuplicateMerged':
      return withSupporter(ticket, event.data.supporterId);
    default:
      return ticket;
  }
}
