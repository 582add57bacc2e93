import type { ErrorCatalogue } from '../shared/error-catalogue';

/** Buildings of a community (SPEC §3) and the places tickets name in them (§4.5). Messages name the field. */
export const PLACE_ERRORS = {
  BUILDINGS_NOT_ALLOWED: {
    kind: 'forbidden',
    message: "buildings are registered by an admin, a manager of the community's company or its committee",
  },
  INVALID_BUILDING: { kind: 'invalid', message: (problem: string) => problem },
  UNKNOWN_BUILDING: {
    kind: 'invalid',
    message: (building: string, communityId: string) => `location.building: ${building} is not a registered building of ${communityId}`,
  },
  UNKNOWN_UNIT: {
    kind: 'invalid',
    message: (unit: string, building: string | null) =>
      building === null
        ? `location.unit: name the building (location.building) that ${unit} is in`
        : `location.unit: ${unit} is not a registered unit of building ${building}`,
  },
} as const satisfies ErrorCatalogue;

export type PlaceErrorCode = keyof typeof PLACE_ERRORS;
