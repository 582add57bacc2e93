import type { ErrorCatalogue } from '../shared/error-catalogue';

export const NOTIFICATION_ERRORS = {
  /** Missing, or someone else's: the same answer, so nobody learns of another person's notifications. */
  NOTIFICATION_NOT_FOUND: { kind: 'not_found', message: 'no such notification' },
} as const satisfies ErrorCatalogue;
