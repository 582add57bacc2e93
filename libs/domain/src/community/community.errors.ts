import type { ErrorCatalogue } from '../shared/error-catalogue';

export const COMMUNITY_ERRORS = {
  /**
   * Without an id the answer discloses nothing (reads, and ids that cannot exist); a command that
   * names the community it acts in is told that id is not registered.
   */
  COMMUNITY_NOT_FOUND: {
    kind: 'not_found',
    message: (communityId?: string) => (communityId === undefined ? 'no such community' : `community ${communityId} is not registered`),
  },
  COMMUNITY_EXISTS: { kind: 'conflict', message: (communityId: string) => `community ${communityId} is already registered` },
  /** SPEC §4.9's rules within a policy; the HTTP layer names each field before it gets here. */
  INVALID_SLA_POLICY: { kind: 'invalid', message: (problems: string) => problems },
  WORKING_HOURS_INVALID: { kind: 'invalid', message: (problems: string) => problems },
  WORKING_HOURS_NOT_ALLOWED: { kind: 'forbidden', message: 'working hours are set by an admin or a manager of the managing company' },
} as const satisfies ErrorCatalogue;

export type CommunityErrorCode = keyof typeof COMMUNITY_ERRORS;
