import type { CategoryCode } from '../catalogue/categories';
import type { Community } from '../community/community';
import type { Person } from '../person/person.types';
import type { Command, CommandMetadata } from '../shared/command';
import type { AttachmentRef, Channel, EscalationLevel, FollowUpMethod } from './ticket.events';
import type { TicketLocation } from './ticket.place';

/** Uploads the caller attaches, as the attachments table read them (SPEC §4.6). */
type Photos = { attachments?: readonly AttachmentRef[] };

/** The community's company right now, looked up by the caller from the community's events. */
export type TicketCommandMetadata = CommandMetadata & Readonly<{ managingCompanyId: string | null }>;

/** A person a command names, with what their stream says of them: looked up by the caller, judged here. */
export type NamedPerson = Readonly<{ id: string; person: Person }>;

type TicketCmd<Type extends string, Data> = Readonly<{ type: Type; data: Data; metadata: TicketCommandMetadata }>;

export type FileTicket = Command<
  'FileTicket',
  {
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
  } & Photos
>;
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
export type FollowUpTicket = TicketCmd<
  'FollowUpTicket',
  { method: FollowUpMethod; reached: boolean; score: number | null; note: string | null }
>;

/** Issued by the service's own processes (SLA clock, handover), not by people. */
export type BreachSla = TicketCmd<'BreachSla', { kind: 'acknowledge' | 'resolve' }>;
export type AutoCloseTicket = TicketCmd<'AutoCloseTicket', Record<string, never>>;
export type TransferTicket = TicketCmd<'TransferTicket', { fromCompanyId: string; toCompanyId: string; handoverId: string }>;

export type SystemTicketCommand = BreachSla | AutoCloseTicket | TransferTicket;

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
  | FollowUpTicket;
