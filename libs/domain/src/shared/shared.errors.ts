import type { ErrorCatalogue } from './error-catalogue';

/** Refusals that belong to no one aggregate: the command pipeline's, and access to reference data and dashboards. */
export const SHARED_ERRORS = {
  /** The client's If-Match names a version the stream has moved past. */
  VERSION_MISMATCH: {
    kind: 'precondition_failed',
    message: (expected: number, actual: number) => `If-Match ${expected} is stale: the current version is ${actual}`,
  },
  /** Every retry of a decision lost the race to another writer of the same stream. */
  CONCURRENCY_CONFLICT: { kind: 'conflict', message: 'too many concurrent changes; try again' },
  IDEMPOTENCY_KEY_REUSED: { kind: 'unprocessable', message: 'this Idempotency-Key was used with a different request' },
  /** Companies, communities and SLA policies are registered by admins; `what` names the thing. */
  ADMIN_ONLY: { kind: 'forbidden', message: (what: string) => `only an admin registers ${what}` },
  DASHBOARDS_NOT_ALLOWED: {
    kind: 'forbidden',
    message: 'dashboards are for the property company, the committee, the secretary and admins',
  },
} as const satisfies ErrorCatalogue;

export type SharedErrorCode = keyof typeof SHARED_ERRORS;
