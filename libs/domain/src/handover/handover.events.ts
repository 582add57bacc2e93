import type { Event } from '../shared/command';
import type { ActorRef } from '../shared/principal';

export const handoverStream = (id: string) => `handover-${id}`;
/** Handovers of a community are numbered: qianpu-h1, qianpu-h2 … so "one active" is one stream to check. */
export const handoverId = (communityId: string, n: number) => `${communityId}-h${n}`;

export const HANDOVER_STEPS = [
  'exit_notice',
  'residents_informed',
  'selection',
  'contract_signed',
  'archives',
  'facilities_inspection',
  'funds_settled',
  'keys_and_systems',
  'service_continuity',
] as const;
export type HandoverStep = (typeof HANDOVER_STEPS)[number];

/** Completion waits for these. */
export const REQUIRED_STEPS: readonly HandoverStep[] = [
  'selection',
  'contract_signed',
  'archives',
  'facilities_inspection',
  'funds_settled',
  'keys_and_systems',
];
export const OUTGOING_STEPS: readonly HandoverStep[] = ['archives', 'funds_settled', 'keys_and_systems'];
export const INCOMING_STEPS: readonly HandoverStep[] = ['service_continuity'];
/** The new company's first month: service_continuity may still be completed this long after completion. */
export const SERVICE_CONTINUITY_WINDOW_DAYS = 30;

export const SELECTION_METHODS = ['bidding', 'owners_vote', 'other'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

export type HandoverStarted = Event<
  'HandoverStarted',
  { handoverId: string; communityId: string; outgoingCompanyId: string; reason: string; startedAt: string; by: ActorRef }
>;
export type HandoverStepCompleted = Event<
  'HandoverStepCompleted',
  {
    handoverId: string;
    step: HandoverStep;
    note: string;
    completedAt: string;
    by: ActorRef;
    incomingCompanyId?: string;
    method?: SelectionMethod;
    defects?: string[];
  }
>;
/**
 * A step's owner and due date; planning again replaces both. Ids and dates only: the owner's name
 * is personal data and is looked up when the handover is read (SPEC §2.1).
 */
export type HandoverStepPlanned = Event<
  'HandoverStepPlanned',
  { handoverId: string; step: HandoverStep; ownerId: string; due: string; plannedAt: string; by: ActorRef }
>;
export type HandoverBlockerRaised = Event<
  'HandoverBlockerRaised',
  { handoverId: string; n: number; text: string; raisedAt: string; by: ActorRef }
>;
export type HandoverBlockerResolved = Event<
  'HandoverBlockerResolved',
  { handoverId: string; n: number; note: string | null; resolvedAt: string; by: ActorRef }
>;
export type HandoverCompleted = Event<
  'HandoverCompleted',
  { handoverId: string; communityId: string; outgoingCompanyId: string; incomingCompanyId: string; completedAt: string; by: ActorRef }
>;
export type HandoverCancelled = Event<'HandoverCancelled', { handoverId: string; reason: string; cancelledAt: string; by: ActorRef }>;

export type HandoverEvent =
  | HandoverStarted
  | HandoverStepPlanned
  | HandoverStepCompleted
  | HandoverBlockerRaised
  | HandoverBlockerResolved
  | HandoverCompleted
  | HandoverCancelled;
