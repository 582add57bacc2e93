import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { dashboardSummary } from '@jinlin/projections';
import { DashboardSummaryQuery } from './summary.query';

@QueryHandler(DashboardSummaryQuery)
export class DashboardSummaryHandler implements IQueryHandler<DashboardSummaryQuery> {
  constructor(private readonly db: DataSource) {}

  execute({ user, window }: DashboardSummaryQuery) {
    return dashboardSummary(this.db, user, window);
  }
}
