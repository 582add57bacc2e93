import { dayKey } from './shanghai-day';
import type { DashboardScope } from './scope';

export type GroupBy = 'community' | 'company' | 'category' | 'day';
export const GROUP_BYS: readonly GroupBy[] = ['community', 'company', 'category', 'day'];

export type SummaryFilters = Readonly<{ scope: DashboardScope; communityId?: string; companyId?: string; category?: string }>;

/** Positional parameters collected while SQL text is assembled. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** The same filters on the per-ticket, daily and histogram tables, which share these column names. */
export function filterSql(alias: string, f: SummaryFilters, p: Params): string {
  const parts: string[] = [];
  if (!f.scope.all) parts.push(`${alias}.community_id = ANY(${p.add(f.scope.communities, '::text[]')})`);
  if (f.communityId !== undefined) parts.push(`${alias}.community_id = ${p.add(f.communityId)}`);
  if (f.companyId !== undefined) parts.push(`${alias}.company_id = ${p.add(f.companyId)}`);
  if (f.category !== undefined) parts.push(`${alias}.category = ${p.add(f.category)}`);
  return parts.map((part) => ` AND ${part}`).join('');
}

/**
 * The group key in SQL; per-ticket rows name their day filed_day, the pre-aggregated tables day.
 * Days group as day numbers (cheap integers, not to_char per row) and become YYYY-MM-DD in dayKeyOf.
 */
export function keySql(alias: string, groupBy: GroupBy | undefined, perTicket = false): string {
  switch (groupBy) {
    case undefined:
      return `''`;
    case 'community':
      return `${alias}.community_id`;
    case 'company':
      return `${alias}.company_id`;
    case 'category':
      return `${alias}.category`;
    case 'day':
      return `(${alias}.${perTicket ? 'filed_day' : 'day'} - DATE '1970-01-01')`;
  }
}

/** A key as read back from SQL, as the API shows it. */
export const keyOf = (groupBy: GroupBy | undefined, raw: string | number): string =>
  groupBy === 'day' ? dayKey(Number(raw)) : String(raw);

export const COUNTER_SQL: Readonly<Record<string, string>> = {
  filed: 'filed',
  withdrawn: 'withdrawn',
  nonWithdrawn: 'non_withdrawn',
  respondedInTime: 'responded_in_time',
  closed: 'closed',
  rated: 'rated',
  ratedWell: 'rated_well',
  resolvedOnce: 'resolved_once',
  reopened: 'reopened',
  backlog: 'backlog',
};

/**
 * One SELECT per edge interval over the per-ticket rows, its sign a constant: a plain range on
 * filed_at is what lets the planner read the index instead of every ticket.
 */
export function perEdge(
  p: Params,
  edges: readonly { lo: number; hi: number; sign: number }[],
  select: (sign: number) => string,
  where: () => string,
): string[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  return edges.map(
    (e) =>
      `${select(e.sign)} WHERE m.filed_at >= ${p.add(iso(e.lo))}::timestamptz AND m.filed_at < ${p.add(iso(e.hi))}::timestamptz${where()}`,
  );
}
