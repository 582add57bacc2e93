import type { EntityManager } from 'typeorm';
import { COUNTER_COLUMNS, contributionOf, counterColumns } from './contribution';
import type { DailyDelta, HistDelta } from './deltas';
import { dayKey } from './shanghai-day';
import type { WaitingOn } from '@jinlin/domain';
import type { MetricStatus, TicketMetric } from './ticket-metric';

/** The facts of one ticket as rm_ticket_metrics keeps them; the rest of its row is derived from them. */
type FactRow = {
  id: string;
  community_id: string;
  company_id: string;
  category: string;
  building: string;
  title: string;
  status: MetricStatus;
  filed_at: Date;
  acknowledge_by: Date;
  resolve_by: Date;
  waiting_on: WaitingOn | null;
  waiting_since: Date | null;
  returns_to: TicketMetric['returnsTo'];
  first_response_at: Date | null;
  last_resolved_at: Date | null;
  closed_at: Date | null;
  withdrawn_at: Date | null;
  ever_resolved: boolean;
  ever_rejected: boolean;
  rating: number | null;
  follow_ups_reached: number;
  follow_ups_well: number;
  position: string;
};

const FACT_TYPES: Readonly<Record<keyof FactRow, string>> = {
  id: 'text',
  community_id: 'text',
  company_id: 'text',
  category: 'text',
  building: 'text',
  title: 'text',
  status: 'text',
  filed_at: 'timestamptz',
  acknowledge_by: 'timestamptz',
  resolve_by: 'timestamptz',
  waiting_on: 'text',
  waiting_since: 'timestamptz',
  returns_to: 'text',
  first_response_at: 'timestamptz',
  last_resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  withdrawn_at: 'timestamptz',
  ever_resolved: 'boolean',
  ever_rejected: 'boolean',
  rating: 'smallint',
  follow_ups_reached: 'integer',
  follow_ups_well: 'integer',
  position: 'bigint',
};
const COUNTER_TYPES: Readonly<Record<string, string>> = Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 'integer']));

/** Every column of rm_ticket_metrics with its type: the facts, and what they contribute. */
const METRIC_TYPES: Readonly<Record<string, string>> = {
  ...FACT_TYPES,
  filed_day: 'date',
  ...COUNTER_TYPES,
  first_response_ms: 'bigint',
  fr_bucket: 'smallint',
  resolution_ms: 'bigint',
  res_bucket: 'smallint',
  due_day: 'integer',
};
const DIMENSION_TYPES: Readonly<Record<string, string>> = {
  day: 'date',
  community_id: 'text',
  company_id: 'text',
  category: 'text',
  building: 'text',
};

/** `name type, …` for jsonb_to_recordset. */
const recordType = (types: Readonly<Record<string, string>>) =>
  Object.entries(types)
    .map(([column, type]) => `${column} ${type}`)
    .join(', ');

const FACT_COLUMNS = Object.keys(FACT_TYPES).join(', ');
const METRIC_RECORD = recordType(METRIC_TYPES);
const METRIC_COLUMNS = Object.keys(METRIC_TYPES).join(', ');
const METRIC_UPDATES = Object.keys(METRIC_TYPES)
  .filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');
const DAILY_TYPES = recordType({ ...DIMENSION_TYPES, ...COUNTER_TYPES });
const DAILY_COLUMNS = [...Object.keys(DIMENSION_TYPES), ...COUNTER_COLUMNS].join(', ');
const DAILY_SUMS = COUNTER_COLUMNS.map((c) => `${c} = rm_ticket_metrics_daily.${c} + excluded.${c}`).join(', ');

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (d: Date | null): number | null => (d === null ? null : new Date(d).getTime());

export async function loadMetrics(tx: EntityManager, ids: readonly string[]): Promise<TicketMetric[]> {
  const rows: FactRow[] = await tx.query(`SELECT ${FACT_COLUMNS} FROM rm_ticket_metrics WHERE id = ANY($1)`, [ids]);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    companyId: r.company_id,
    category: r.category,
    building: r.building,
    title: r.title,
    status: r.status,
    filedAt: ms(r.filed_at)!,
    acknowledgeBy: ms(r.acknowledge_by)!,
    resolveBy: ms(r.resolve_by)!,
    waitingOn: r.waiting_on,
    waitingSince: ms(r.waiting_since),
    returnsTo: r.returns_to,
    firstResponseAt: ms(r.first_response_at),
    lastResolvedAt: ms(r.last_resolved_at),
    closedAt: ms(r.closed_at),
    withdrawnAt: ms(r.withdrawn_at),
    everResolved: r.ever_resolved,
    everRejected: r.ever_rejected,
    rating: r.rating,
    followUpsReached: r.follow_ups_reached,
    followUpsWell: r.follow_ups_well,
    position: Number(r.position),
  }));
}

function metricRecord(m: TicketMetric) {
  const c = contributionOf(m);
  return {
    id: m.id,
    community_id: m.communityId,
    company_id: m.companyId,
    category: m.category,
    building: m.building,
    title: m.title,
    status: m.status,
    filed_at: iso(m.filedAt),
    filed_day: dayKey(c.day),
    acknowledge_by: iso(m.acknowledgeBy),
    resolve_by: iso(m.resolveBy),
    waiting_on: m.waitingOn,
    waiting_since: iso(m.waitingSince),
    returns_to: m.returnsTo,
    first_response_at: iso(m.firstResponseAt),
    last_resolved_at: iso(m.lastResolvedAt),
    closed_at: iso(m.closedAt),
    withdrawn_at: iso(m.withdrawnAt),
    ever_resolved: m.everResolved,
    ever_rejected: m.everRejected,
    rating: m.rating,
    follow_ups_reached: m.followUpsReached,
    follow_ups_well: m.followUpsWell,
    ...counterColumns(c.counters),
    first_response_ms: c.firstResponseMs,
    fr_bucket: c.firstResponseBucket,
    resolution_ms: c.resolutionMs,
    res_bucket: c.resolutionBucket,
    due_day: c.dueDay,
    position: m.position,
  };
}

export async function saveMetrics(tx: EntityManager, metrics: readonly TicketMetric[]): Promise<void> {
  if (!metrics.length) return;
  await tx.query(
    `INSERT INTO rm_ticket_metrics (${METRIC_COLUMNS}) SELECT ${METRIC_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${METRIC_RECORD})
     ON CONFLICT (id) DO UPDATE SET ${METRIC_UPDATES}`,
    [JSON.stringify(metrics.map(metricRecord))],
  );
}

const dims = (d: DailyDelta | HistDelta) => ({
  day: d.day,
  community_id: d.communityId,
  company_id: d.companyId,
  category: d.category,
  building: d.building,
});

export async function addDailyDeltas(tx: EntityManager, deltas: readonly DailyDelta[]): Promise<void> {
  if (!deltas.length) return;
  await tx.query(
    `INSERT INTO rm_ticket_metrics_daily (${DAILY_COLUMNS})
     SELECT ${DAILY_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${DAILY_TYPES})
     ON CONFLICT (day, community_id, company_id, category, building) DO UPDATE SET ${DAILY_SUMS}`,
    [JSON.stringify(deltas.map((d) => ({ ...dims(d), ...counterColumns(d.counters) })))],
  );
}

/** Empty buckets are deleted, so a summary reads only buckets that hold tickets. */
export async function addHistDeltas(tx: EntityManager, deltas: readonly HistDelta[]): Promise<void> {
  if (!deltas.length) return;
  const json = JSON.stringify(
    deltas.map((d) => ({ level: d.level, ...dims(d), kind: d.kind, bucket: d.bucket, n: d.n, lo_ms: d.lo, hi_ms: d.hi })),
  );
  const types = `level smallint, ${recordType(DIMENSION_TYPES)}, kind smallint, bucket integer, n integer, lo_ms bigint, hi_ms bigint`;
  // least() and greatest() skip nulls: a batch that only removes values keeps the stored bounds.
  const emptied: Record<string, unknown>[] = await tx.query(
    `INSERT INTO rm_ticket_metrics_hist (level, day, community_id, company_id, category, building, kind, bucket, n, lo_ms, hi_ms)
     SELECT level, day, community_id, company_id, category, building, kind, bucket, n, lo_ms, hi_ms FROM jsonb_to_recordset($1::jsonb) AS r(${types})
     ON CONFLICT (level, day, community_id, company_id, category, building, kind, bucket) DO UPDATE SET n = rm_ticket_metrics_hist.n + excluded.n,
       lo_ms = least(rm_ticket_metrics_hist.lo_ms, excluded.lo_ms), hi_ms = greatest(rm_ticket_metrics_hist.hi_ms, excluded.hi_ms)
     RETURNING level, day::text, community_id, company_id, category, building, kind, bucket, n`,
    [json],
  );
  await deleteEmpty(
    tx,
    emptied.filter((row) => row.n === 0),
  );
}

/** Buckets this batch emptied, by primary key: a plain list of keys keeps it to index lookups. */
async function deleteEmpty(tx: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length > 1000) {
    await deleteEmpty(tx, rows.slice(1000));
    rows = rows.slice(0, 1000);
  }
  if (!rows.length) return;
  const columns = ['level', 'day', 'community_id', 'company_id', 'category', 'building', 'kind', 'bucket'];
  const params: unknown[] = [];
  const keys = rows.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
  await tx.query(
    `DELETE FROM rm_ticket_metrics_hist WHERE n = 0 AND (level, day, community_id, company_id, category, building, kind, bucket) IN (${keys.join(', ')})`,
    params,
  );
}
