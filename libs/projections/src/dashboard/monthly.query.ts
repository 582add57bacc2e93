import type { DataSource } from 'typeorm';
import type { Principal, TicketLocation } from '@jinlin/domain';
import { dashboardScope, mustSeeCommunity } from './scope';
import { inSnapshot } from './snapshot';
import { UTC_OFFSET_MS } from './shanghai-day';
import { summarize, type Summary } from './summary.query';

export type MonthlyTicket = Readonly<{
  id: string;
  filedAt: Date;
  category: string;
  title: string;
  status: string;
  /** Who it is assigned to now (an id: the name is looked up at read time, SPEC §2.1). */
  assigneeId: string | null;
  /** Where (SPEC §4.5), with the building's registered name when it has one. */
  location: TicketLocation | null;
  buildingName: string | null;
  acknowledgeBy: Date;
  resolveBy: Date;
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  respondedInTime: boolean;
  lastResolvedAt: Date | null;
  resolutionSeconds: number | null;
  closedAt: Date | null;
  withdrawnAt: Date | null;
  reopened: boolean;
  rating: number | null;
  overdue: boolean;
}>;

export type MonthlyReport = Readonly<{
  community: { id: string; name: string };
  month: string;
  summary: Summary;
  tickets: MonthlyTicket[];
}>;

/** [first instant, first instant of the next month) of a 'YYYY-MM' month in UTC+8. */
function monthWindow(month: string): { from: number; to: number } {
  const [year, m] = month.split('-').map(Number);
  return { from: Date.UTC(year, m - 1, 1) - UTC_OFFSET_MS, to: Date.UTC(year, m, 1) - UTC_OFFSET_MS };
}

/** The month's tickets of one community with their timings, and the month's figures. */
export async function monthlyReport(
  db: DataSource,
  actor: Principal,
  communityId: string,
  month: string,
  now: number,
): Promise<MonthlyReport> {
  const scope = await dashboardScope(db, actor);
  const community = await mustSeeCommunity(db, scope, communityId);
  const { from, to } = monthWindow(month);
  return inSnapshot(db, async (q) => {
    const summary = await summarize(q, { scope, communityId }, { communityId, from, to, now });
    const tickets: MonthlyRow[] = await q.query(
      `SELECT id, filed_at, category, title, status, acknowledge_by, resolve_by, first_response_at, first_response_ms, responded_in_time,
              last_resolved_at, resolution_ms, closed_at, withdrawn_at, reopened, rating, due_day IS NOT NULL AND resolve_by < $4 AS overdue,
              (SELECT t.assignee_id FROM rm_tickets t WHERE t.id = rm_ticket_metrics.id) AS assignee_id,
              (SELECT t.location FROM rm_tickets t WHERE t.id = rm_ticket_metrics.id) AS location,
              (SELECT b.name FROM rm_tickets t JOIN rm_buildings b ON b.community_id = t.community_id AND b.code = t.building
                WHERE t.id = rm_ticket_metrics.id) AS building_name
         FROM rm_ticket_metrics WHERE community_id = $1 AND filed_at >= $2 AND filed_at < $3 ORDER BY filed_at, id`,
      [communityId, new Date(from).toISOString(), new Date(to).toISOString(), new Date(now).toISOString()],
    );
    return { community, month, summary, tickets: tickets.map(toMonthlyTicket) };
  });
}

/** A row of the monthly SELECT as pg returns it: bigints as text, counters as 0 or 1. */
type MonthlyRow = {
  id: string;
  filed_at: Date;
  category: string;
  title: string;
  status: string;
  assignee_id: string | null;
  location: TicketLocation | null;
  building_name: string | null;
  acknowledge_by: Date;
  resolve_by: Date;
  first_response_at: Date | null;
  first_response_ms: string | null;
  responded_in_time: number;
  last_resolved_at: Date | null;
  resolution_ms: string | null;
  closed_at: Date | null;
  withdrawn_at: Date | null;
  reopened: number;
  rating: number | null;
  overdue: boolean;
};

const seconds = (ms: string | null) => (ms === null ? null : Number(ms) / 1000);

function toMonthlyTicket(r: MonthlyRow): MonthlyTicket {
  return {
    id: r.id,
    filedAt: r.filed_at,
    category: r.category,
    title: r.title,
    status: r.status,
    assigneeId: r.assignee_id,
    location: r.location,
    buildingName: r.building_name,
    acknowledgeBy: r.acknowledge_by,
    resolveBy: r.resolve_by,
    firstResponseAt: r.first_response_at,
    firstResponseSeconds: seconds(r.first_response_ms),
    respondedInTime: r.responded_in_time === 1,
    lastResolvedAt: r.last_resolved_at,
    resolutionSeconds: seconds(r.resolution_ms),
    closedAt: r.closed_at,
    withdrawnAt: r.withdrawn_at,
    reopened: r.reopened === 1,
    rating: r.rating,
    overdue: r.overdue,
  };
}
