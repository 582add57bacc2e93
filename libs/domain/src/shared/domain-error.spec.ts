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
import { DomainError, ERRORS } from './domain-error';
import { SHARED_ERRORS } from './shared.errors';

const CATALOGUES = [
  SHARED_ERRORS,
  COMPANY_ERRORS,
  COMMUNITY_ERRORS,
  TICKET_ERRORS,
  HANDOVER_ERRORS,
  AUDIT_ERRORS,
  PERSON_ERRORS,
  PLACE_ERRORS,
  NOTIFICATION_ERRORS,
  WEBHOOK_ERRORS,
  CALENDAR_ERRORS,
];

it('when the catalogues are merged, no code is declared in two of them', () => {
  const codes = CATALOGUES.flatMap((catalogue) => Object.keys(catalogue));
  expect(codes.length).toBe(new Set(codes).size);
  expect(Object.keys(ERRORS).sort()).toEqual([...codes].sort());
});

it('when a refusal is made, its kind and message come from the catalogue', () => {
  const stale = new DomainError('VERSION_MISMATCH', 3, 5);
  expect({ kind: stale.kind, code: stale.code, message: stale.message }).toEqual({
    kind: 'precondition_failed',
    code: 'VERSION_MISMATCH',
    message: 'If-Match 3 is stale: the current version is 5',
  });
  expect(stale).toBeInstanceOf(Error);
  expect(new DomainError('RESOLVE_NEEDS_ACTION').kind).toBe('conflict');
});

it('when a community is not found, the message names it only if the caller named it', () => {
  expect(new DomainError('COMMUNITY_NOT_FOUND').message).toBe('no such community');
  expect(new DomainError('COMMUNITY_NOT_FOUND', 'xiamen-1').message).toBe('community xiamen-1 is not registered');
});

it('when a ticket is not resolved, the message says what was attempted', () => {
  expect(new DomainError('NOT_RESOLVED', 'open', 'confirmed').message).toBe('only a resolved ticket can be confirmed (status: open)');
  expect(new DomainError('NOT_RESOLVED', 'open', 'rated').message).toBe('a ticket is rated after it is resolved');
});
