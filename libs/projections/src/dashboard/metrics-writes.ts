import type { EntityManager } from 'typeorm';
import { contributionOf } from './contribution';
import type { DailyDelta, HistDelta } from './deltas';
import { dayKey } from './shanghai-day';
import type { MetricStatus, TicketMetric } from './ticket-metric';

const COUNTER_COLUMNS = `filed, withdrawn, non_withdrawn, responded_in_time, closed, rated, rated_well, resolved_once, reopened, backlog`;
const COUNTER_TYPES = COUNTER_COLUMNS.split(', ')
  .map((c) => `${c} integer`)
  .join(', ');
const METRIC_COLUMNS = `id, community_id, company_id, category, title, status, filed_at, filed_day, acknowledge_by, resolve_by,
  first_response_at, last_resolved_at, closed_at, withdrawn_at, ever_resolved, ever_rejected, rating, ${COUNTER_COLUMNS},
  first_response_ms, fr_bucket, resolution_ms, res_bucket, due_day, position`;
const METRIC_TYPES = `id text, community_id text, company_id text, category text, title text, status text, filed_at timestamptz,
  filed_day date, acknowledge_by timestamptz, resolve_by timestamptz, first_response_at timestamptz, last_resolved_at timestamptz,
  closed_at timestamptz, withdrawn_at timestamptz, ever_resolved boolean, ever_rejected boolean, rating smallint, ${COUNTER_TYPES},
  first_response_ms bigint, fr_bucket smallint, resolution_ms bigint, res_bucket smallint, due_day integer, position bigint`;
const DIMENSION_TYPES = `day date, community_id text, company_id text, category text`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (d: Date | null): number | null => (d === null ? null : new Date(d).getTime());
const counterColumns = (c: Record<string, number>) => ({
  filed: c.filed,
  withdrawn: c.withdrawn,
  non_withdrawn: c.nonWithdrawn,
  responded_in_time: c.respondedInTime,
  closed: c.closed,
  rated: c.rated,
  rated_well: c.ratedWell,
  resolved_once: c.resolvedOnce,
  reopened: c.reopened,
  backlog: c.backlog,
});

export async function loadMetrics(tx: EntityManager, ids: readonly string[]): Promise<TicketMetric[]> {
  const rows: Record<string, any>[] = await tx.query(`SELECT ${METRIC_COLUMNS} FROM rm_ticket_metrics WHERE id = ANY($1)`, [ids]);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    companyId: r.company_id,
    category: r.category,
    title: r.title,
    status: r.status as MetricStatus,
    filedAt: ms(r.filed_at)!,
    acknowledgeBy: ms(r.acknowledge_by)!,
    resolveBy: ms(r.resolve_by)!,
    firstResponseAt: ms(r.first_response_at),
    lastResolvedAt: ms(r.last_resolved_at),
    closedAt: ms(r.closed_at),
    withdrawnAt: ms(r.withdrawn_at),
    everResolved: r.ever_resolved,
    everRejected: r.ever_rejected,
    rating: r.rating,
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
    title: m.title,
    status: m.status,
    filed_at: iso(m.filedAt),
    filed_day: dayKey(c.day),
    acknowledge_by: iso(m.acknowledgeBy),
    resolve_by: iso(m.resolveBy),
    first_response_at: iso(m.firstResponseAt),
    last_resolved_at: iso(m.lastResolvedAt),
    closed_at: iso(m.closedAt),
    withdrawn_at: iso(m.withdrawnAt),
    ever_resolved: m.everResolved,
    ever_rejected: m.everRejected,
    rating: m.rating,
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
  const updates = METRIC_COLUMNS.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  await tx.query(
    `INSERT INTO rm_ticket_metrics (${METRIC_COLUMNS}) SELECT ${METRIC_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${METRIC_TYPES})
     ON CONFLICT (id) DO UPDATE SET ${updates}`,
    [JSON.stringify(metrics.map(metricRecord))],
  );
}

const dims = (d: DailyDelta | HistDelta) => ({ day: d.day, community_id: d.communityId, company_id: d.companyId, category: d.category });

export async function addDailyDeltas(tx: EntityManager, deltas: readonly DailyDelta[]): Promise<void> {
  if (!deltas.length) return;
  const sums = COUNTER_COLUMNS.split(', ')
    .map((c) => `${c} = rm_ticket_metrics_daily.${c} + excluded.${c}`)
    .join(', ');
  await tx.query(
    `INSERT INTO rm_ticket_metrics_daily (day, community_id, company_id, category, ${COUNTER_COLUMNS})
     SELECT day, community_id, company_id, category, ${COUNTER_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${DIMENSION_TYPES}, ${COUNTER_TYPES})
     ON CONFLICT (day, community_id, company_id, category) DO UPDATE SET ${sums}`,
    [JSON.stringify(deltas.map((d) => ({ ...dims(d), ...counterColumns(d.counters) })))],
  );
}

/** Empty buckets are deleted, so a summary reads only buckets that hold tickets. */
export async function addHistDeltas(tx: EntityManager, deltas: readonly HistDelta[]): Promise<void> {
  if (!deltas.length) return;
  const json = JSON.stringify(
    deltas.map((d) => ({ level: d.level, ...dims(d), kind: d.kind, bucket: d.bucket, n: d.n, lo_ms: d.lo, hi_ms: d.hi })),
  );
  const types = `level smallint, ${DIMENSION_TYPES}, kind smallint, bucket integer, n integer, lo_ms bigint, hi_ms bigint`;
  // least() and greatest() skip nulls: a batch that only removes values keeps the stored bounds.
  const emptied: Record<string, unknown>[] = await tx.query(
    `INSERT INTO rm_ticket_metrics_hist (level, day, community_id, company_id, category, kind, bucket, n, lo_ms, hi_ms)
     SELECT level, day, community_id, company_id, category, kind, bucket, n, lo_ms, hi_ms FROM jsonb_to_recordset($1::jsonb) AS r(${types})
     ON CONFLICT (level, day, community_id, company_id, category, kind, bucket) DO UPDATE SET n = rm_ticket_metrics_hist.n + excluded.n,
       lo_ms = least(rm_ticket_metrics_hist.lo_ms, excluded.lo_ms), hi_ms = greatest(rm_ticket_metrics_hist.hi_ms, excluded.hi_ms)
     RETURNING level, day::text, community_id, company_id, category, kind, bucket, n`,
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
  const columns = ['level', 'day', 'community_id', 'company_id', 'category', 'kind', 'bucket'];
  const params: unknown[] = [];
  const keys = rows.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
  await tx.query(
    `DELETE FROM rm_ticket_metrics_hist WHERE n = 0 AND (level, day, community_id, company_id, category, kind, bucket) IN (${keys.join(', ')})`,
    params,
  );
}
