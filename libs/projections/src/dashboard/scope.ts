import { DomainError, hasRole, OVERSEER_ROLES, type Principal } from '@jinlin/domain';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL rows: each caller names the shape it selected
export type Queryable = Readonly<{ query: (sql: string, params?: unknown[]) => Promise<any[]> }>;

/** Which communities' figures a caller may read (SPEC §2): every one, or a list. */
export type DashboardScope = Readonly<{ all: true }> | Readonly<{ all: false; communities: readonly string[] }>;

/**
 * Admins read everything; the committee, the secretary and the 社区/街道 officials their token's
 * communities; staff and managers the communities their company manages now, from the events, not
 * from the token.
 */
export async function dashboardScope(db: Queryable, actor: Principal): Promise<DashboardScope> {
  mustReadDashboards(actor);
  if (hasRole(actor, 'admin')) return { all: true };
  const communities = new Set<string>(hasRole(actor, ...OVERSEER_ROLES) ? actor.communities : []);
  if (hasRole(actor, 'staff', 'manager') && actor.companyId) {
    const rows: { id: string }[] = await db.query(`SELECT id FROM rm_communities WHERE property_company_id = $1`, [actor.companyId]);
    for (const r of rows) communities.add(r.id);
  }
  return { all: false, communities: [...communities].sort() };
}

/** Residents file and follow their own tickets; the figures are for those who answer and oversee. */
export function mustReadDashboards(actor: Principal): void {
  if (!hasRole(actor, 'admin', 'staff', 'manager', ...OVERSEER_ROLES)) {
    throw new DomainError('DASHBOARDS_NOT_ALLOWED');
  }
}

export const inScope = (scope: DashboardScope, communityId: string): boolean => scope.all || scope.communities.includes(communityId);

/** The community's name when it exists and is in scope; otherwise, as for tickets, it does not exist for this caller (404). */
export async function mustSeeCommunity(db: Queryable, scope: DashboardScope, communityId: string): Promise<{ id: string; name: string }> {
  const rows: { id: string; name: string }[] = inScope(scope, communityId)
    ? await db.query(`SELECT id, name FROM rm_communities WHERE id = $1`, [communityId])
    : [];
  if (!rows.length) throw new DomainError('COMMUNITY_NOT_FOUND');
  return rows[0];
}
