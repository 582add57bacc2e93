import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { monthlyPage } from './monthly-report.page';
import { MonthlyReportPageQuery, type MonthlyPage } from './monthly-report-page.query';
import { MonthlyReportSource } from './monthly-report.source';

@QueryHandler(MonthlyReportPageQuery)
export class MonthlyReportPageHandler implements IQueryHandler<MonthlyReportPageQuery> {
  constructor(private readonly source: MonthlyReportSource) {}

  async execute({ user, communityId, month }: MonthlyReportPageQuery): Promise<MonthlyPage> {
    const data = await this.source.load(user, communityId, month);
    return { html: monthlyPage(data), asOfPosition: data.report.summary.asOfPosition };
  }
}
