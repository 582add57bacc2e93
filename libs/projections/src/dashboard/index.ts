import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { TicketMetrics1764300005100 } from './1764300005100-ticket-metrics';
import { MergedFigure1764300080100 } from './1764300080100-merged-figure';
import { WaitingMetrics1764300091100 } from './1764300091100-waiting-metrics';
import { FollowUpMetrics1764300070100 } from './1764300070100-follow-up-metrics';
import { TicketMetricsProjection } from './ticket-metrics.projection';

export { dashboardSummary, type Summary, type SummaryQuery } from './summary.query';
export { monthlyReport, type MonthlyReport, type MonthlyTicket } from './monthly.query';
export { GROUP_BYS, type GroupBy } from './summary.sql';
export { type Figures } from './figures';
export { mustReadDashboards } from './scope';

export const DASHBOARD_MIGRATIONS: MigrationClass[] = [
  TicketMetrics1764300005100,
  FollowUpMetrics1764300070100,
  MergedFigure1764300080100,
  WaitingMetrics1764300091100,
];
export const createDashboardProjections = (): Projection[] => [new TicketMetricsProjection()];
