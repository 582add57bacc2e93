import type { CategoryCode, StoredSlaPolicy } from '../catalogue/categories';
import type { Event } from '../shared/command';
import type { ActorRef } from '../shared/principal';
import type { TicketLocation } from './ticket.place';

export const ticketStream = (id: string) => `ticket-${id}`;

export const CHANNELS = ['app', 'phone', 'group_chat', 'tea_talk', 'walk_in'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Ordered: an escalation only ever goes up. */
export const ESCALATION_LEVELS = ['committee', 'party_branch', 'neighbourhood', 'subdistrict'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** `community`: the residents of the community see it, without the reporter, and may support it (SPEC §4.7). */
export const VISIBILITIES = ['private', 'community'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** A photo an event carries (SPEC §4.6): the upload's id and what was stored, never its uploader's name. */
export type AttachmentRef = Readonly<{ id: string; sha256: string; mime: string; width: number; height: number }>;
/** Optional on read: events written before photos carry none (`attachments ?? []`). */
type WithAttachments = { attachments?: readonly AttachmentRef[] };

/**
 * Schema version 2: `reporterId` names the resident the ticket is for, or null when it has none
 * (filed by staff, a manager, the committee or the secretary without naming one, SPEC §4.1).
 * Version 1 stored the filer's id whoever filed; the store's upcaster reads those as version 2.
 * Schema version 3: `location` is the structured place of SPEC §4.5; version 2's string reads as `{note}`.
 */
export type TicketFiled = Event<
  'TicketFiled',
  {
    ticketId: string;
    communityId: string;
    companyId: string;
    category: CategoryCode;
    title: string;
    description: string;
    location: TicketLocation | null;
    channel: Channel;
    reporterId: string | null;
    filedAt: string;
    /** The policy in force at filing; before SPEC §4.9 only its minutes (no warnings, no ladder). */
    sla: StoredSlaPolicy;
    acknowledgeBy: string;
    resolveBy: string;
    /** When `warnAtPercent` of each deadline has passed (SPEC §4.9); absent on tickets filed before. */
    warnAt?: Readonly<{ acknowledge: string; resolve: string }>;
    by: ActorRef;
    /** Absent on tickets filed before SPEC §4.7: read as false and 'private'. */
    anonymous?: boolean;
    visibility?: Visibility;
  } & WithAttachments
>;
export type TicketAcknowledged = Event<
  'TicketAcknowledged',
  { ticketId: string; message: string; acknowledgedAt: string; by: ActorRef } & WithAttachments
>;
export type TicketAssigned = Event<'TicketAssigned', { ticketId: string; assigneeId: string; assignedAt: string; by: ActorRef }>;
export type TicketActionRecorded = Event<
  'TicketActionRecorded',
  { ticketId: string; description: string; recordedAt: string; by: ActorRef } & WithAttachments
>;
export type TicketCommented = Event<
  'TicketCommented',
  { ticketId: string; text: string; internal: boolean; commentedAt: string; by: ActorRef } & WithAttachments
>;
export type TicketResolved = Event<
  'TicketResolved',
  { ticketId: string; resolution: string; resolvedAt: string; by: ActorRef } & WithAttachments
>;
export type TicketResolutionConfirmed = Event<'TicketResolutionConfirmed', { ticketId: string; confirmedAt: string; by: ActorRef }>;
export type TicketResolutionRejected = Event<
  'TicketResolutionRejected',
  { ticketId: string; reason: string; rejectedAt: string; by: ActorRef }
>;
export type TicketRated = Event<'TicketRated', { ticketId: string; score: number; comment: string | null; ratedAt: string; by: ActorRef }>;
export type TicketEscalated = Event<
  'TicketEscalated',
  /** `cause: 'sla'`: by the system, `step` of the policy's escalateAfterBreachMinutes after a resolve breach. */
  { ticketId: string; level: EscalationLevel; reason: string; escalatedAt: string; by: ActorRef; cause?: 'sla'; step?: number }
>;
export type TicketWithdrawn = Event<'TicketWithdrawn', { ticketId: string; reason: string | null; withdrawnAt: string; by: ActorRef }>;
export type TicketAutoClosed = Event<'TicketAutoClosed', { ticketId: string; closedAt: string; resolvedAt: string }>;
export type TicketSlaBreached = Event<
  'TicketSlaBreached',
  { ticketId: string; kind: 'acknowledge' | 'resolve'; deadline: string; detectedAt: string }
>;
export type TicketTransferred = Event<
  'TicketTransferred',
  { ticketId: string; fromCompanyId: string; toCompanyId: string; handoverId: string; transferredAt: string }
>;
export type TicketSupported = Event<'TicketSupported', { ticketId: string; supportedAt: string; by: ActorRef }>;
/** Shown to the community's residents, or no longer (SPEC §4.7): by the reporter, or staff for a public-area problem. */
export type TicketVisibilityChanged = Event<
  'TicketVisibilityChanged',
  { ticketId: string; visibility: Visibility; changedAt: string; by: ActorRef }
>;
/** On the duplicate: it is now `merged` into `intoTicketId` (terminal). */
export type TicketMerged = Event<'TicketMerged', { ticketId: string; intoTicketId: string; mergedAt: string; by: ActorRef }>;
/**
 * On the primary, once its duplicate was merged. `supporterId`: the duplicate's reporter, now a
 * supporter of the primary; null when there was none or they already count (the reporter, a supporter).
 * `supporterAnonymous`: the duplicate was filed anonymously, so the company must not see who.
 */
export type TicketDuplicateMerged = Event<
  'TicketDuplicateMerged',
  { ticketId: string; duplicateId: string; supporterId: string | null; supporterAnonymous: boolean; mergedAt: string; by: ActorRef }
>;

/** SPEC §4.9: only a wait on the resident stops the clock; parts and third parties are the company's to chase. */
export const WAITING_ON = ['resident', 'parts', 'third_party'] as const;
export type WaitingOn = (typeof WAITING_ON)[number];

export type TicketWaiting = Event<'TicketWaiting', { ticketId: string; on: WaitingOn; reason: string; waitingSince: string; by: ActorRef }>;
/**
 * The wait is over: by `resume`, by the reporter's comment on a wait on the resident (by the
 * system), or by a resolve. `pausedSeconds`: what this wait adds to the ticket's paused time (0
 * unless it was on the resident). `resolveBy` and `resolveWarnAt`: the deadline and its warning,
 * pushed back by the pause, present only while still owed (not met, not breached, not warned).
 */
export type TicketResumed = Event<
  'TicketResumed',
  {
    ticketId: string;
    on: WaitingOn;
    waitingSince: string;
    resumedAt: string;
    cause: 'resume' | 'reporter_comment' | 'resolve';
    pausedSeconds: number;
    resolveBy?: string;
    resolveWarnAt?: string;
    by: ActorRef;
  }
>;
/** `warnAtPercent` of a deadline passed while it was unmet (SPEC §4.9); once per kind. */
export type TicketSlaWarning = Event<
  'TicketSlaWarning',
  { ticketId: string; kind: 'acknowledge' | 'resolve'; warnAt: string; deadline: string; detectedAt: string }
>;

export const FOLLOW_UP_METHODS = ['phone', 'visit', 'message'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** A call, visit or message after resolve (回访, SPEC §4.8); `score` only when the resident was reached. */
export type TicketFollowedUp = Event<
  'TicketFollowedUp',
  {
    ticketId: string;
    method: FollowUpMethod;
    reached: boolean;
    score: number | null;
    note: string | null;
    followedUpAt: string;
    by: ActorRef;
  }
>;
/** Back to in_progress as a reject would, on a poor follow-up (score ≤ 2) of a resolved ticket. */
export type TicketReopened = Event<'TicketReopened', { ticketId: string; cause: 'follow_up'; reopenedAt: string; by: ActorRef }>;
/**
 * A ticket without a reporter is closed by a satisfied follow-up (score ≥ 3), counted as resolved
 * like an auto-close: nobody else could confirm it.
 */
export type TicketClosedByFollowUp = Event<
  'TicketClosedByFollowUp',
  { ticketId: string; closedAt: string; resolvedAt: string; by: ActorRef }
>;

export type TicketEvent =
  | TicketFiled
  | TicketAcknowledged
  | TicketAssigned
  | TicketActionRecorded
  | TicketCommented
  | TicketResolved
  | TicketResolutionConfirmed
  | TicketResolutionRejected
  | TicketRated
  | TicketEscalated
  | TicketWithdrawn
  | TicketAutoClosed
  | TicketSlaBreached
  | TicketTransferred
  | TicketSupported
  | TicketVisibilityChanged
  | TicketMerged
  | TicketDuplicateMerged
  | TicketFollowedUp
  | TicketReopened
  | TicketClosedByFollowUp
  | TicketWaiting
  | TicketResumed
  | TicketSlaWarning;

export const TICKET_EVENT_TYPES: readonly TicketEvent['type'][] = [
  'TicketFiled',
  'TicketAcknowledged',
  'TicketAssigned',
  'TicketActionRecorded',
  'TicketCommented',
  'TicketResolved',
  'TicketResolutionConfirmed',
  'TicketResolutionRejected',
  'TicketRated',
  'TicketEscalated',
  'TicketWithdrawn',
  'TicketAutoClosed',
  'TicketSlaBreached',
  'TicketTransferred',
  'TicketSupported',
  'TicketVisibilityChanged',
  'TicketMerged',
  'TicketDuplicateMerged',
  'TicketFollowedUp',
  'TicketReopened',
  'TicketClosedByFollowUp',
  'TicketWaiting',
  'TicketResumed',
  'TicketSlaWarning',
];
