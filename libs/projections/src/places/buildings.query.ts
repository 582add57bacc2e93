import { DomainError, seesCommunity, type Building, type Principal } from '@jinlin/domain';
import type { Queryable } from '../dashboard/scope';

export type BuildingView = Building & Readonly<{ changedAt: string }>;

/**
 * The community's buildings, ordered by code as people count them (2 before 10); 404 for a
 * community the caller may not see, as for its tickets.
 */
export async function listBuildings(db: Queryable, actor: Principal, communityId: string): Promise<BuildingView[]> {
  const [community]: { id: string; property_company_id: string }[] = await db.query(
    `SELECT id, property_company_id FROM rm_communities WHERE id = $1`,
    [communityId],
  );
  if (!community || !seesCommunity(actor, { id: community.id, propertyCompanyId: community.property_company_id })) {
    throw new DomainError('COMMUNITY_NOT_FOUND');
  }
  const rows: { code: string; name: string; units: string[]; changed_at: Date }[] = await db.query(
    `SELECT code, name, units, changed_at FROM rm_buildings WHERE community_id = $1`,
    [communityId],
  );
  const byCode = new Intl.Collator('zh-CN', { numeric: true }).compare;
  return rows
    .map((r) => ({ code: r.code, name: r.name, units: r.units, changedAt: new Date(r.changed_at).toISOString() }))
    .sort((a, b) => byCode(a.code, b.code));
}
