import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { monthlyReport } from '@jinlin/projections';
import { toCsv, type CsvFile } from '../csv';
import { MonthlyReportQuery } from './monthly-report.query';
import { monthlyRows } from './monthly-report.rows';

@QueryHandler(MonthlyReportQuery)
export class MonthlyReportHandler implements IQueryHandler<MonthlyReportQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ user, communityId, month }: MonthlyReportQuery): Promise<CsvFile> {
    const report = await monthlyReport(this.db, user, communityId, month, Date.now());
    return {
      csv: toCsv(monthlyRows(report)),
      filename: `jinlin-monthly-${report.community.id}-${report.month}.csv`,
      asOfPosition: report.summary.asOfPosition,
    };
  }
}
