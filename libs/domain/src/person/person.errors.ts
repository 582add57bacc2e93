import type { ErrorCatalogue } from '../shared/error-catalogue';

export const PERSON_ERRORS = {
  /** Missing, or outside the caller's scope: existence is not disclosed. */
  PERSON_NOT_FOUND: { kind: 'not_found', message: 'no such person' },
  PERSON_EXISTS: { kind: 'conflict', message: (personId: string) => `person ${personId} is already registered` },
  USERNAME_TAKEN: { kind: 'conflict', message: (username: string) => `username ${username} is already taken` },
  /** Who may register or change whom (SPEC §2.1); `why` says what the caller may do instead. */
  PEOPLE_NOT_ALLOWED: { kind: 'forbidden', message: (why: string) => why },
  ONLY_SELF_OR_ADMIN: { kind: 'forbidden', message: (what: string) => `only the person themself or an admin may ${what}` },
  COMPANY_ROLE_NEEDS_COMPANY: { kind: 'invalid', message: 'companyId: staff and managers belong to a property company' },
  /** A company's staff who live in the estate would otherwise report, confirm and rate their own work. */
  RESIDENT_AND_COMPANY_ROLE: {
    kind: 'invalid',
    message: 'roles: one person is either a resident or staff/manager of a property company, not both (a company never rates its own work)',
  },
  COMPANY_ONLY_FOR_COMPANY_ROLES: { kind: 'invalid', message: 'companyId: only staff and managers belong to a property company' },
  UNKNOWN_COMPANY: { kind: 'invalid', message: (companyId: string) => `companyId: property company ${companyId} is not registered` },
  UNKNOWN_COMMUNITIES: { kind: 'invalid', message: (ids: string) => `communities: not registered: ${ids}` },
  COMMUNITIES_NEEDED: { kind: 'invalid', message: (roles: string) => `communities: a ${roles} belongs to at least one community` },
  RESERVED_NAME: { kind: 'invalid', message: (name: string) => `name: ${name} is what an erased person shows as` },
  NO_USERNAME: { kind: 'conflict', message: 'this person has no username to sign in with' },
  WEAK_PASSWORD: { kind: 'invalid', message: (rule: string) => `password: ${rule}` },
  WRONG_CURRENT_PASSWORD: { kind: 'forbidden', message: 'current: the current password is wrong' },
  PERSONAL_DATA_ERASED: { kind: 'conflict', message: "this person's personal data was erased; register a new person instead" },
  /** A person named by a command (assignee, reporter, step owner) who cannot take that part. */
  NOT_A_CANDIDATE: { kind: 'invalid', message: (field: string, why: string) => `${field}: ${why}` },
} as const satisfies ErrorCatalogue;

export type PersonErrorCode = keyof typeof PERSON_ERRORS;
