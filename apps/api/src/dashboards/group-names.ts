import type { DataSource } from 'typeorm';
import type { GroupBy } from '@jinlin/projections';
import { categoryName } from './report-format';

/** Display names for group keys: communities and companies by their registered names, categories in Chinese. */
export async function groupNames(db: DataSource, groupBy: GroupBy | undefined, keys: readonly string[]): Promise<Map<string, string>> {
  if (groupBy === 'category') return new Map(keys.map((k) => [k, categoryName(k)]));
  const table = groupBy === 'community' ? 'rm_communities' : groupBy === 'company' ? 'rm_companies' : null;
  if (!table || !keys.length) return new Map(keys.map((k) => [k, k]));
  const rows: { id: string; name: string }[] = await db.query(`SELECT id, name FROM ${table} WHERE id = ANY($1)`, [keys]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(keys.map((k) => [k, names.get(k) ?? k]));
}
