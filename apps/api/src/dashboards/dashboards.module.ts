import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { MonthlyReportController } from './monthly-report/monthly-report.controller';
import { MonthlyReportHandler } from './monthly-report/monthly-report.handler';
import { MonthlyReportPageController } from './monthly-report/monthly-report-page.controller';
import { MonthlyReportPageHandler } from './monthly-report/monthly-report-page.handler';
import { MonthlyReportSource } from './monthly-report/monthly-report.source';
import { SummaryCsvController } from './summary-csv/summary-csv.controller';
import { SummaryCsvHandler } from './summary-csv/summary-csv.handler';
import { SummaryController } from './summary/summary.controller';
import { DashboardSummaryHandler } from './summary/summary.handler';

/** SPEC §6: dashboards and the monthly joint meeting's exports, all from the ticket-metrics projection. */
@Module({
  imports: [TicketsModule],
  controllers: [SummaryController, SummaryCsvController, MonthlyReportController, MonthlyReportPageController],
  providers: [DashboardSummaryHandler, SummaryCsvHandler, MonthlyReportHandler, MonthlyReportPageHandler, MonthlyReportSource],
})
export class DashboardsModule {}
