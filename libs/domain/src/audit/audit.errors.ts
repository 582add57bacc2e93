import type { ErrorCatalogue } from '../shared/error-catalogue';

export const AUDIT_ERRORS = {
  /** SPEC §8.1: the seals are countersigned by those who supervise. */
  SEALS_NOT_ALLOWED: { kind: 'forbidden', message: 'the seals are for the committee, the secretary, officials and admins' },
} as const satisfies ErrorCatalogue;

export type AuditErrorCode = keyof typeof AUDIT_ERRORS;
