import type { ErrorCatalogue } from '../shared/error-catalogue';

export const COMPANY_ERRORS = {
  COMPANY_NOT_FOUND: { kind: 'not_found', message: (companyId: string) => `property company ${companyId} is not registered` },
  COMPANY_EXISTS: { kind: 'conflict', message: (companyId: string) => `company ${companyId} is already registered` },
} as const satisfies ErrorCatalogue;

export type CompanyErrorCode = keyof typeof COMPANY_ERRORS;
