import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toCsv, type CsvFile } from '../csv';
import { MonthlyReportQuery } from './monthly-report.query';
import { monthlyRows } from './monthly-report.rows';
import { MonthlyReportSource } from './monthly-report.source';

@QueryHandler(MonthlyReportQuery)
export class MonthlyReportHandler implements IQueryHandler<MonthlyReportQuery> {
  constructor(private readonly source: MonthlyReportSource) {}

  async execute({ user, communityId, month }: MonthlyReportQuery): Promise<CsvFile> {
    const data = await this.source.load(user, communityId, month);
    return {
      csv: toCsv(monthlyRows(data)),
      filename: `jinlin-monthly-${data.report.community.id}-${data.report.month}.csv`,
      asOfPosition: data.report.summary.asOfPosition,
    };
  }
}
