import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { CsvFile } from '../csv';

export class MonthlyReportQuery extends Query<CsvFile> {
  constructor(
    readonly user: Principal,
    readonly communityId: string,
    /** YYYY-MM in Asia/Shanghai. */
    readonly month: string,
  ) {
    super();
  }
}
