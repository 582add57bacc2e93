import type { Projection } from '../engine/projection';
import { TicketMetrics1764300005100 } from './1764300005100-ticket-metrics';
import { TicketMetricsProjection } from './ticket-metrics.projection';

export { TicketMetricsProjection };
export { TICKET_METRICS_PROJECTION, TICKET_METRICS_TABLES } from './ticket-metrics.projection';
export { dashboardSummary, summarize, type Summary, type SummaryQuery, type GroupFigures } from './summary.query';
export { monthlyReport, monthWindow, type MonthlyReport, type MonthlyTicket } from './monthly.query';
export { GROUP_BYS, type GroupBy } from './summary.sql';
export { type Figures, type Percentiles } from './figures';
export { dashboardScope, mustReadDashboards, type DashboardScope } from './scope';

export const DASHBOARD_MIGRATIONS: Function[] = [TicketMetrics1764300005100];
export const createDashboardProjections = (): Projection[] => [new TicketMetricsProjection()];
