import type { ErrorCatalogue } from '../shared/error-catalogue';

export const WEBHOOK_ERRORS = {
  /** Missing or deleted: a deleted webhook answers as if it never was. */
  WEBHOOK_NOT_FOUND: { kind: 'not_found', message: 'no such webhook' },
  /** An id is used once: its delivery log and its stream stay about one receiver. */
  WEBHOOK_EXISTS: { kind: 'conflict', message: (id: string) => `webhook ${id} is already registered (ids are not reused)` },
  WEBHOOK_URL_INVALID: { kind: 'invalid', message: (why: string) => `url: ${why}` },
  WEBHOOK_SECRET_TOO_SHORT: { kind: 'invalid', message: (min: number) => `secret: at least ${min} characters` },
  WEBHOOK_UNKNOWN_EVENTS: { kind: 'invalid', message: (types: string) => `events: not event types that webhooks receive: ${types}` },
  WEBHOOK_UNKNOWN_COMMUNITIES: { kind: 'invalid', message: (ids: string) => `communities: not registered: ${ids}` },
} as const satisfies ErrorCatalogue;

export type WebhookErrorCode = keyof typeof WEBHOOK_ERRORS;
