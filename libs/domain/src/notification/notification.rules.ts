import type { Role } from '../shared/principal';
import type { EscalationLevel, TicketEvent } from '../ticket/ticket.events';

/**
 * Who is told of what (SPEC §9 "Who is told"): a pure function from an event, what the notifier
 * knows of its ticket (after the event) and the directory's facts, to the ids of the people to tell.
 * It names nobody in any text: the summary is the community and the title, for every recipient
 * alike, so an anonymous reporter is never shown to the company through a notification.
 */

/** What the notifier keeps of a ticket, folded from its events (ids only, like the log). */
export type NotifiedTicket = Readonly<{
  ticketId: string;
  communityId: string;
  /** The company managing the community now: a completed handover moves it (TicketTransferred). */
  companyId: string;
  reporterId: string | null;
  assigneeId: string | null;
  escalationLevel: EscalationLevel | null;
  /** Supporters (TicketSupported) and the reporters of duplicates merged into it. */
  supporters: readonly string[];
  title: string;
}>;

/** A person of the directory: roles, communities and company, as the log has them. */
export type DirectoryPerson = Readonly<{
  id: string;
  roles: readonly Role[];
  communities: readonly string[];
  companyId: string | null;
  /** An erased person cannot sign in to read anything: nobody to tell. */
  erased: boolean;
}>;

/** The events that tell someone; the others only change what the notifier knows. */
export const NOTIFYING_EVENT_TYPES = [
  'TicketFiled',
  'TicketAssigned',
  'TicketSlaWarning',
  'TicketSlaBreached',
  'TicketEscalated',
  'TicketResolved',
  'TicketCommented',
  'TicketWaiting',
] as const satisfies readonly TicketEvent['type'][];

/**
 * Who holds each escalation level in a community. The party branch is the secretary's
 * (党支部书记); the other levels are roles of the same name.
 */
export const LEVEL_HOLDERS: Readonly<Record<EscalationLevel, Role>> = {
  committee: 'committee',
  party_branch: 'secretary',
  neighbourhood: 'neighbourhood',
  subdistrict: 'subdistrict',
};

/**
 * A breach of a ticket not yet escalated goes to the committee: the first rung of the default
 * ladder (SPEC §4.9), and the community's own body, which the system escalates to at a resolve
 * breach anyway. An acknowledge breach has no ladder, so the committee hears of it too.
 */
export const BREACH_LEVEL_WHEN_NONE: EscalationLevel = 'committee';

const companyPeople = (ticket: NotifiedTicket, people: readonly DirectoryPerson[], ...roles: Role[]) =>
  people.filter((p) => p.companyId === ticket.companyId && roles.some((r) => p.roles.includes(r))).map((p) => p.id);

const levelHolders = (ticket: NotifiedTicket, people: readonly DirectoryPerson[], level: EscalationLevel) =>
  people.filter((p) => p.communities.includes(ticket.communityId) && p.roles.includes(LEVEL_HOLDERS[level])).map((p) => p.id);

const reporterAndSupporters = (ticket: NotifiedTicket) => [...(ticket.reporterId ? [ticket.reporterId] : []), ...ticket.supporters];

const isCompanyActor = (roles: readonly Role[]) => roles.includes('staff') || roles.includes('manager');

/** The people to tell, before leaving out the actor and whoever cannot be told. */
function candidates(event: TicketEvent, ticket: NotifiedTicket, people: readonly DirectoryPerson[]): string[] {
  switch (event.type) {
    case 'TicketFiled':
      return companyPeople(ticket, people, 'staff', 'manager');
    case 'TicketAssigned':
      return [event.data.assigneeId];
    case 'TicketSlaWarning':
      return ticket.assigneeId ? [ticket.assigneeId] : companyPeople(ticket, people, 'manager');
    case 'TicketSlaBreached':
      return [
        ...levelHolders(ticket, people, ticket.escalationLevel ?? BREACH_LEVEL_WHEN_NONE),
        ...companyPeople(ticket, people, 'manager'),
      ];
    case 'TicketEscalated':
      return [...levelHolders(ticket, people, event.data.level), ...companyPeople(ticket, people, 'manager')];
    case 'TicketResolved':
      return reporterAndSupporters(ticket);
    case 'TicketWaiting':
      return event.data.on === 'resident' ? reporterAndSupporters(ticket) : [];
    case 'TicketCommented': {
      const by = event.data.by;
      if (ticket.reporterId !== null && by.id === ticket.reporterId) return ticket.assigneeId ? [ticket.assigneeId] : [];
      return !event.data.internal && isCompanyActor(by.roles) ? reporterAndSupporters(ticket) : [];
    }
    default:
      return [];
  }
}

/** Who acted, when a person did: never told of their own doing. */
const actorOf = (event: TicketEvent): string | null => ('by' in event.data ? event.data.by.id : null);

/**
 * The ids to tell of this event, each once, in a stable order. Left out: the actor, and anyone the
 * directory knows as erased. Someone the directory does not know (an assignee registered only by
 * token) is still told: the notification waits for them to sign in.
 */
export function recipientsOf(event: TicketEvent, ticket: NotifiedTicket, people: readonly DirectoryPerson[]): string[] {
  const actor = actorOf(event);
  const erased = new Set(people.filter((p) => p.erased).map((p) => p.id));
  return [...new Set(candidates(event, ticket, people))].filter((id) => id !== actor && !erased.has(id));
}
