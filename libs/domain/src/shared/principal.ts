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

export const actorRef = (p: Principal): ActorRef => ({ id: p.id, roles: p.roles });

export const hasRole = (p: Principal, ...roles: Role[]): boolean => roles.some((r) => p.roles.includes(r));

export const isCompanyUser = (p: Principal): boolean => hasRole(p, 'staff', 'manager') && !!p.companyId;
