import type { CommunitySummary as Community, Person } from '../api/views';
import type { CompanyRow } from './types';

/**
 * There is no GET /companies: the console knows a company from the communities it manages and the
 * people who work for it, and from those registered in this browser tab (kept here, in memory).
 */
export const registeredHere = new Set<string>();

export function knownCompanies(communities: readonly Community[], people: readonly Person[]): CompanyRow[] {
  const rows = new Map<string, CompanyRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, communities: [], people: 0, registeredHere: registeredHere.has(id) }));
    return r;
  };
  for (const c of communities) if (c.propertyCompanyId) row(c.propertyCompanyId).communities.push(c.id);
  for (const p of people) if (p.companyId) row(p.companyId).people += 1;
  for (const id of registeredHere) row(id);
  return [...rows.values()].sort((a, b) => a.id.localeCompare(b.id));
}
