import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { Summary, SummaryQuery } from '@jinlin/projections';

export class DashboardSummaryQuery extends Query<Summary> {
  constructor(
    readonly user: Principal,
    readonly window: SummaryQuery,
  ) {
    super();
  }
}
