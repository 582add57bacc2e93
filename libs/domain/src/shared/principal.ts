export const ROLES = ['resident', 'staff', 'manager', 'committee', 'secretary', 'neighbourhood', 'subdistrict', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, as the verified token says. */
export type Principal = Readonly<{
  id: string;
  name?: string;
  roles: readonly Role[];
  communities: readonly string[];
  companyId?: string;
}>;

export type ActorRef = Readonly<{ id: string; roles: readonly Role[] }>;

/** The service's own processes (SLA timer, automatic resume): named `system` in every timeline. */
export const SYSTEM_PRINCIPAL: Principal = { id: 'system', roles: ['admin'], communities: [] };

export const actorRef = (p: Principal): ActorRef => ({ id: p.id, roles: p.roles });

export const hasRole = (p: Principal, ...roles: Role[]): boolean => roles.some((r) => p.roles.includes(r));

/**
 * A resident speaking for themself: nobody who also works for a property company, so that a
 * company never reports, confirms or rates its own work (SPEC §4.1).
 */
export const isPlainResident = (p: Readonly<{ roles: readonly Role[] }>): boolean =>
  p.roles.includes('resident') && !p.roles.some((r) => r === 'staff' || r === 'manager');

export const isCompanyUser = (p: Principal): boolean => hasRole(p, 'staff', 'manager') && !!p.companyId;
