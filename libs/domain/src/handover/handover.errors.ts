import type { ErrorCatalogue } from '../shared/error-catalogue';
import { SERVICE_CONTINUITY_WINDOW_DAYS, type HandoverStep } from './handover.events';
import type { HandoverStatus } from './handover.state';

export const HANDOVER_ERRORS = {
  /** Missing, or outside the caller's scope: the same answer, so existence is not disclosed. */
  HANDOVER_NOT_FOUND: { kind: 'not_found', message: 'no such handover' },
  HANDOVER_ALREADY_ACTIVE: { kind: 'conflict', message: 'this community already has an active handover' },
  HANDOVER_FINISHED: { kind: 'conflict', message: (status: HandoverStatus) => `the handover is ${status}` },
  NOT_THE_MANAGING_COMPANY: {
    kind: 'conflict',
    message: (companyId: string, communityId: string) => `${companyId} does not manage ${communityId} now`,
  },
  /** The 社区/街道 officials see their communities' handovers (SPEC §2) but run none of them. */
  OFFICIALS_READ_ONLY: { kind: 'forbidden', message: 'the neighbourhood and subdistrict officials read handovers; they do not run them' },
  SUPERVISORS_ONLY: { kind: 'forbidden', message: (what: string) => `only the committee, the secretary or an admin may ${what}` },
  STEP_NOT_YOURS: { kind: 'forbidden', message: (step: HandoverStep) => `you may not complete the step ${step}` },
  STEP_ALREADY_COMPLETE: { kind: 'conflict', message: (step: HandoverStep) => `the step ${step} is already complete` },
  SELECTION_NEEDS_COMPANY: { kind: 'invalid', message: 'selection needs incomingCompanyId and method' },
  SAME_COMPANY: { kind: 'conflict', message: 'the incoming company must differ from the outgoing one' },
  ONLY_FOR_SELECTION: { kind: 'invalid', message: 'incomingCompanyId and method belong to the selection step' },
  NO_INCOMING_COMPANY: { kind: 'conflict', message: 'complete selection first' },
  ONLY_FOR_INSPECTION: { kind: 'invalid', message: 'defects belong to facilities_inspection' },
  DUE_INVALID: { kind: 'invalid', message: 'due: must be a date (YYYY-MM-DD) or an ISO 8601 date-time with an offset' },
  SERVICE_CONTINUITY_WINDOW_CLOSED: {
    kind: 'conflict',
    message: (closedAt: string) =>
      `service_continuity may be completed up to ${SERVICE_CONTINUITY_WINDOW_DAYS} days after the handover's completion (the new company's first month); that window closed at ${closedAt}`,
  },
  BLOCKER_NOT_OPEN: { kind: 'conflict', message: (n: number) => `blocker ${n} is not open` },
  STEPS_MISSING: { kind: 'conflict', message: (steps: readonly HandoverStep[]) => `steps not yet complete: ${steps.join(', ')}` },
  BLOCKERS_OPEN: { kind: 'conflict', message: (blockers: readonly number[]) => `open blockers: ${blockers.join(', ')}` },
} as const satisfies ErrorCatalogue;

export type HandoverErrorCode = keyof typeof HANDOVER_ERRORS;
