import { AUDIT_ERRORS } from '../audit/audit.errors';
import { CALENDAR_ERRORS } from '../calendar/calendar.errors';
import { COMMUNITY_ERRORS } from '../community/community.errors';
import { PLACE_ERRORS } from '../community/place.errors';
import { COMPANY_ERRORS } from '../company/company.errors';
import { HANDOVER_ERRORS } from '../handover/handover.errors';
import { NOTIFICATION_ERRORS } from '../notification/notification.errors';
import { PERSON_ERRORS } from '../person/person.errors';
import { TICKET_ERRORS } from '../ticket/ticket.errors';
import { WEBHOOK_ERRORS } from '../webhook/webhook.errors';
import type { DomainErrorKind, MessageValues } from './error-catalogue';
import { SHARED_ERRORS } from './shared.errors';

export type { DomainErrorKind } from './error-catalogue';

/** Every code the service refuses with, each declared once in its aggregate's `*.errors.ts`. */
export const ERRORS = {
  ...SHARED_ERRORS,
  ...COMPANY_ERRORS,
  ...COMMUNITY_ERRORS,
  ...TICKET_ERRORS,
  ...HANDOVER_ERRORS,
  ...AUDIT_ERRORS,
  ...PERSON_ERRORS,
  ...PLACE_ERRORS,
  ...NOTIFICATION_ERRORS,
  ...WEBHOOK_ERRORS,
  ...CALENDAR_ERRORS,
} as const;
export type ErrorCode = keyof typeof ERRORS;

/**
 * A refusal: the code names it, the catalogue gives its kind and message. `new DomainError('TICKET_NOT_FOUND')`,
 * `new DomainError('REPORTER_ONLY', 'rate the ticket')`: an unknown code or a missing value does not compile.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly kind: DomainErrorKind;

  constructor(
    readonly code: C,
    ...values: MessageValues<(typeof ERRORS)[C]['message']>
  ) {
    const { kind, message } = ERRORS[code];
    super(typeof message === 'string' ? message : (message as (...v: unknown[]) => string)(...values));
    this.name = 'DomainError';
    this.kind = kind;
  }
}
