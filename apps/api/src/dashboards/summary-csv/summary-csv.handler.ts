import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { dashboardSummary } from '@jinlin/projections';
import { toCsv, type CsvFile } from '../csv';
import { groupNames } from '../group-names';
import { shanghaiTime } from '../report-format';
import { SummaryCsvQuery } from './summary-csv.query';
import { summaryRows } from './summary-csv.rows';

const day = (iso: string) => shanghaiTime(Date.parse(iso))!.slice(0, 10);

@QueryHandler(SummaryCsvQuery)
export class SummaryCsvHandler implements IQueryHandler<SummaryCsvQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ user, window }: SummaryCsvQuery): Promise<CsvFile> {
    const summary = await dashboardSummary(this.db, user, window);
    const names = await groupNames(
      this.db,
      window.groupBy,
      (summary.groups ?? []).map((g) => g.key),
    );
    return {
      csv: toCsv(summaryRows(summary, window.groupBy ?? '', names)),
      filename: `jinlin-summary-${day(summary.from)}-${day(summary.to)}.csv`,
      asOfPosition: summary.asOfPosition,
    };
  }
}
