import type { CategoryCode } from '../catalogue/categories';
import type { Community } from '../community/community';
import type { Person } from '../person/person.types';
import type { CommandMetadata } from '../shared/command';
import type { ActorRef } from '../shared/principal';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { WorkingHours } from '../calendar/working-hours';
import type { AttachmentRef, Channel, EscalationLevel, FollowUpMethod, Visibility, WaitingOn } from './ticket.events';
import type { TicketLocation } from './ticket.place';
import type { Ticket } from './ticket.state';

/** Uploads the caller attaches, as the attachments table read them (SPEC §4.6). */
type Photos = { attachments?: readonly AttachmentRef[] };

/** When business minutes run for the ticket's community: its working hours and the calendar in force. */
export type BusinessClock = Readonly<{ hours: WorkingHours; calendar: WorkCalendar }>;

/**
 * The community's company right now, looked up by the caller from the community's events, and the
 * community's business clock (filing fixes deadlines by it; a resume pushes them back by it). Without
 * one, business minutes run 08:30–17:30 Monday to Friday.
 */
export type TicketCommandMetadata = CommandMetadata & Readonly<{ managingCompanyId: string | null; businessClock?: BusinessClock }>;

/** A person a command names, with what their stream says of them: looked up by the caller, judged here. */
export type NamedPerson = Readonly<{ id: string; person: Person }>;

type TicketCmd<Type extends string, Data> = Readonly<{ type: Type; data: Data; metadata: TicketCommandMetadata }>;

export type FileTicket = Readonly<{
  type: 'FileTicket';
  metadata: CommandMetadata & Readonly<{ businessClock?: BusinessClock }>;
  data: {
    ticketId: string;
    communityId: string;
    category: CategoryCode;
    title: string;
    description: string;
    location: TicketLocation | null;
    channel: Channel;
    community: Community;
    /** The resident a filer names as the reporter (`reporterId`); absent when none is named. */
    reporter?: NamedPerson;
    /** SPEC §4.7: only for a resident's ticket; the company then never sees who reported it. */
    anonymous?: boolean;
    visibility?: Visibility;
  } & Photos;
}>;
export type AcknowledgeTicket = TicketCmd<'AcknowledgeTicket', { message: string } & Photos>;
/**
 * `assignee`: the person `assigneeId` names, as their stream says. Optional only for callers that
 * predate the directory; without it the assignment is refused, never let through unchecked.
 */
export type AssignTicket = TicketCmd<'AssignTicket', { assigneeId: string; assignee?: Person }>;
export type RecordAction = TicketCmd<'RecordAction', { description: string } & Photos>;
export type CommentOnTicket = TicketCmd<'CommentOnTicket', { text: string; internal: boolean } & Photos>;
export type ResolveTicket = TicketCmd<'ResolveTicket', { resolution: string } & Photos>;
export type ConfirmResolution = TicketCmd<'ConfirmResolution', Record<string, never>>;
export type RejectResolution = TicketCmd<'RejectResolution', { reason: string }>;
export type RateTicket = TicketCmd<'RateTicket', { score: number; comment: string | null }>;
export type EscalateTicket = TicketCmd<'EscalateTicket', { level: EscalationLevel; reason: string }>;
export type WithdrawTicket = TicketCmd<'WithdrawTicket', { reason: string | null }>;
/** A resident of the community backs a community-visible ticket (附议). */
export type SupportTicket = TicketCmd<'SupportTicket', Record<string, never>>;
export type ChangeVisibility = TicketCmd<'ChangeVisibility', { visibility: Visibility }>;
/**
 * Decided on the duplicate, with the primary's state and the company managing the primary's
 * community, as the handler read them (so the caller's scope is judged on both).
 */
export type MergeTicket = TicketCmd<'MergeTicket', { intoTicketId: string; into: Ticket; intoManagingCompanyId: string | null }>;
export type FollowUpTicket = TicketCmd<
  'FollowUpTicket',
  { method: FollowUpMethod; reached: boolean; score: number | null; note: string | null }
>;

/** SPEC §4.9: the company waits on the resident (clock stopped), on parts or on a third party (clock running). */
export type WaitTicket = TicketCmd<'WaitTicket', { on: WaitingOn; reason: string }>;
export type ResumeTicket = TicketCmd<'ResumeTicket', Record<string, never>>;

/** Issued by the service's own processes (SLA clock, handover), not by people. */
export type BreachSla = TicketCmd<'BreachSla', { kind: 'acknowledge' | 'resolve' }>;
export type WarnSla = TicketCmd<'WarnSla', { kind: 'acknowledge' | 'resolve' }>;
/** Climb the ladder as far as its steps have come due since the resolve breach. */
export type EscalateOverdue = TicketCmd<'EscalateOverdue', Record<string, never>>;
export type AutoCloseTicket = TicketCmd<'AutoCloseTicket', Record<string, never>>;
export type TransferTicket = TicketCmd<'TransferTicket', { fromCompanyId: string; toCompanyId: string; handoverId: string }>;
/** The primary's half of a merge, from the duplicate's TicketMerged: `duplicate` is that ticket's state. */
export type RecordDuplicateMerged = TicketCmd<'RecordDuplicateMerged', { duplicateId: string; duplicate: Ticket; mergedBy: ActorRef }>;

export type SystemTicketCommand = BreachSla | WarnSla | EscalateOverdue | AutoCloseTicket | TransferTicket;
/** SPEC §4.7's commands (decided in ticket.merge.ts). */
/** What residents and staff do about who sees a ticket and its duplicates (SPEC §4.7). */
export type MergeCommands = SupportTicket | ChangeVisibility | MergeTicket | RecordDuplicateMerged;

export type TicketCommand =
  | SystemTicketCommand
  | FileTicket
  | AcknowledgeTicket
  | AssignTicket
  | RecordAction
  | CommentOnTicket
  | ResolveTicket
  | ConfirmResolution
  | RejectResolution
  | RateTicket
  | EscalateTicket
  | WithdrawTicket
  | SupportTicket
  | ChangeVisibility
  | MergeTicket
  | RecordDuplicateMerged
  | FollowUpTicket
  | WaitTicket
  | ResumeTicket;
