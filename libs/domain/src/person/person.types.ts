import type { Role } from '../shared/principal';

/** What the log says a person is: roles, communities and company, never who they are by name. */
export type PersonShape = Readonly<{ roles: readonly Role[]; communities: readonly string[]; companyId: string | null }>;
export type RegisteredPerson = Readonly<{ exists: true; id: string; erased: boolean } & PersonShape>;
export type Person = Readonly<{ exists: false }> | RegisteredPerson;
