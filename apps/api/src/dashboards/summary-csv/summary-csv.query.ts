import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { SummaryQuery } from '@jinlin/projections';
import type { CsvFile } from '../csv';

export class SummaryCsvQuery extends Query<CsvFile> {
  constructor(
    readonly user: Principal,
    readonly window: SummaryQuery,
  ) {
    super();
  }
}
