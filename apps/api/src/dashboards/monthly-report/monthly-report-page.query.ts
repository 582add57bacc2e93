import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';

/** The monthly report as a printable HTML page: the text and the position its figures stand at. */
export type MonthlyPage = Readonly<{ html: string; asOfPosition: number }>;

export class MonthlyReportPageQuery extends Query<MonthlyPage> {
  constructor(
    readonly user: Principal,
    readonly communityId: string,
    /** YYYY-MM in Asia/Shanghai. */
    readonly month: string,
  ) {
    super();
  }
}
