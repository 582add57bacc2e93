import type { ErrorCatalogue } from '../shared/error-catalogue';

export const CALENDAR_ERRORS = {
  /** calendarYearProblems' findings, each naming its field; the HTTP layer names them before it gets here. */
  CALENDAR_YEAR_INVALID: { kind: 'invalid', message: (problems: string) => problems },
} as const satisfies ErrorCatalogue;

export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS;
