import type { ErrorCatalogue } from '../shared/error-catalogue';
import type { EscalationLevel } from './ticket.events';
import type { TicketStatus } from './ticket.state';

export const TICKET_ERRORS = {
  /** Missing, or outside the caller's scope: the same answer, so existence is not disclosed. */
  TICKET_NOT_FOUND: { kind: 'not_found', message: 'no such ticket' },
  TICKET_EXISTS: { kind: 'conflict', message: 'a ticket with this id already exists' },
  UNKNOWN_CATEGORY: { kind: 'invalid', message: (category: string) => `unknown category ${category}` },
  NOT_YOUR_COMMUNITY: { kind: 'forbidden', message: (communityId: string) => `you may not file tickets in community ${communityId}` },
  COMPANY_ONLY: { kind: 'forbidden', message: (what: string) => `only the managing company's staff may ${what}` },
  MANAGER_ONLY: { kind: 'forbidden', message: (what: string) => `only the managing company's manager may ${what}` },
  REPORTER_ONLY: { kind: 'forbidden', message: (what: string) => `only the reporter may ${what}` },
  ESCALATE_NOT_ALLOWED: { kind: 'forbidden', message: 'only the reporter, the committee or the secretary may escalate' },
  INTERNAL_COMMENT_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'internal comments are for the company, the committee and the secretary',
  },
  /** Rule 5: nothing but rating and comments once a ticket is closed or withdrawn. */
  TICKET_FINISHED: {
    kind: 'conflict',
    message: (status: TicketStatus) => `the ticket is ${status}; only ratings and comments are accepted`,
  },
  ALREADY_ACKNOWLEDGED: { kind: 'conflict', message: 'the ticket was already acknowledged' },
  CANNOT_ACKNOWLEDGE: {
    kind: 'conflict',
    message: (status: TicketStatus) => `only an unresolved ticket can be acknowledged (status: ${status})`,
  },
  CANNOT_RECORD_ACTION: {
    kind: 'conflict',
    message: (status: TicketStatus) => `work is recorded on unresolved tickets (status: ${status})`,
  },
  ALREADY_RESOLVED: { kind: 'conflict', message: 'the ticket is already resolved' },
  RESOLVE_NEEDS_ACTION: { kind: 'conflict', message: '"received" is not a fix: record the work done before resolving' },
  NOT_RESOLVED: {
    kind: 'conflict',
    message: (status: TicketStatus, attempt: 'confirmed' | 'rejected' | 'rated') =>
      attempt === 'rated' ? 'a ticket is rated after it is resolved' : `only a resolved ticket can be ${attempt} (status: ${status})`,
  },
  ALREADY_RATED: { kind: 'conflict', message: 'a ticket is rated once' },
  ESCALATION_NOT_HIGHER: {
    kind: 'conflict',
    message: (current: EscalationLevel | null) => `already escalated to ${current}; escalate to a higher level`,
  },
  CANNOT_WITHDRAW: {
    kind: 'conflict',
    message: (status: TicketStatus) => `a ticket can be withdrawn only before it is resolved (status: ${status})`,
  },
} as const satisfies ErrorCatalogue;

export type TicketErrorCode = keyof typeof TICKET_ERRORS;
