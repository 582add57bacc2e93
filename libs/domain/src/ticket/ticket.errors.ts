import type { ErrorCatalogue } from '../shared/error-catalogue';
import type { EscalationLevel, WaitingOn } from './ticket.events';
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
  /** Filed without naming a resident: the rules of the reporter apply to nobody (SPEC §4.1). */
  NO_REPORTER: { kind: 'forbidden', message: (what: string) => `the ticket has no reporter: nobody may ${what}` },
  /** A resident filing is the reporter; naming someone else is for those who file on a resident's behalf. */
  REPORTER_ID_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'reporterId: a resident files as themself; staff, managers, the committee and the secretary name the resident they file for',
  },
  ESCALATE_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'only the reporter, the committee, the secretary or the 社区/街道 officials may escalate',
  },
  INTERNAL_COMMENT_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'internal comments are for the company, the committee, the secretary and the 社区/街道 officials',
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
  /** SPEC §4.7: anonymity protects a resident; a ticket with no resident reporter has nobody to hide. */
  ANONYMOUS_NOT_ALLOWED: {
    kind: 'invalid',
    message: "anonymous: only a resident's ticket (filed by them or on their behalf) can be anonymous",
  },
  VISIBILITY_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'the reporter, the managing company, the committee, the secretary or an admin sets who sees a ticket',
  },
  SUPPORT_RESIDENTS_ONLY: { kind: 'forbidden', message: 'only residents of the community support a ticket' },
  CANNOT_SUPPORT_OWN: { kind: 'conflict', message: 'the reporter cannot support their own ticket' },
  ALREADY_SUPPORTED: { kind: 'conflict', message: 'you already support this ticket' },
  MERGE_NOT_ALLOWED: {
    kind: 'forbidden',
    message: "only the managing company's staff, the committee or the secretary may merge tickets",
  },
  /** The primary is missing or outside the caller's scope: the same answer, so existence is not disclosed. */
  MERGE_TARGET_NOT_FOUND: { kind: 'invalid', message: 'intoTicketId: no such ticket' },
  MERGE_INTO_ITSELF: { kind: 'conflict', message: 'intoTicketId: a ticket cannot be merged into itself' },
  MERGE_ACROSS_COMMUNITIES: { kind: 'conflict', message: 'intoTicketId: tickets of different communities cannot be merged' },
  MERGE_INTO_FINISHED: {
    kind: 'conflict',
    message: (status: TicketStatus) => `intoTicketId: that ticket is ${status}; merge into an active one`,
  },
  CANNOT_MERGE: {
    kind: 'conflict',
    message: (status: TicketStatus) => `a ticket is merged only before it is resolved (status: ${status})`,
  },
  FOLLOW_UP_NOT_ALLOWED: {
    kind: 'forbidden',
    message: "only the managing company's manager, the committee or the secretary may follow up",
  },
  FOLLOW_UP_BEFORE_RESOLVE: {
    kind: 'conflict',
    message: (status: TicketStatus) => `a follow-up comes after the resolve (status: ${status})`,
  },
  ALREADY_WAITING: { kind: 'conflict', message: (on: WaitingOn) => `the ticket is already waiting (on ${on}); resume it first` },
  CANNOT_WAIT: {
    kind: 'conflict',
    message: (status: TicketStatus) => `a ticket waits only once acknowledged or in progress (status: ${status})`,
  },
  NOT_WAITING: { kind: 'conflict', message: (status: TicketStatus) => `the ticket is not waiting (status: ${status})` },
  /** A score is the resident's answer: there is none when nobody was reached. */
  SCORE_WITHOUT_REACH: { kind: 'invalid', message: 'score: only a follow-up that reached the resident has a score' },
} as const satisfies ErrorCatalogue;

export type TicketErrorCode = keyof typeof TICKET_ERRORS;
