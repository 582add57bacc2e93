import type { AuditEvent, CalendarEvent, CommunityEvent, CompanyEvent, HandoverEvent, PersonEvent, TicketEvent } from '@jinlin/domain';

/**
 * Every event type of the log, so that every event goes out. Person events are in: they carry ids,
 * roles, communities and company, never a name or phone (SPEC §2.1). A type added to one of these
 * unions fails the build here until it is listed; an event type of a new union must be added to
 * the union by hand.
 */
export type PublishedEvent = TicketEvent | CommunityEvent | HandoverEvent | PersonEvent | CompanyEvent | AuditEvent | CalendarEvent;

const TYPES: Record<PublishedEvent['type'], true> = {
  TicketFiled: true,
  TicketAcknowledged: true,
  TicketAssigned: true,
  TicketActionRecorded: true,
  TicketCommented: true,
  TicketResolved: true,
  TicketResolutionConfirmed: true,
  TicketResolutionRejected: true,
  TicketRated: true,
  TicketEscalated: true,
  TicketWithdrawn: true,
  TicketAutoClosed: true,
  TicketSlaBreached: true,
  TicketTransferred: true,
  TicketSupported: true,
  TicketVisibilityChanged: true,
  TicketMerged: true,
  TicketDuplicateMerged: true,
  TicketWaiting: true,
  TicketResumed: true,
  TicketSlaWarning: true,
  TicketFollowedUp: true,
  TicketReopened: true,
  TicketClosedByFollowUp: true,
  CommunityRegistered: true,
  SlaPolicySet: true,
  PropertyCompanyAppointed: true,
  BuildingRegistered: true,
  BuildingChanged: true,
  WorkingHoursSet: true,
  HandoverStarted: true,
  HandoverStepPlanned: true,
  HandoverStepCompleted: true,
  HandoverBlockerRaised: true,
  HandoverBlockerResolved: true,
  HandoverCompleted: true,
  HandoverCancelled: true,
  PersonRegistered: true,
  PersonRolesChanged: true,
  PersonalDataErased: true,
  CompanyRegistered: true,
  LogSealed: true,
  CalendarYearSet: true,
};

export const PUBLISHED_TYPES = Object.keys(TYPES) as PublishedEvent['type'][];
