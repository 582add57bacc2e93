import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { MonthlyReportController } from './monthly-report/monthly-report.controller';
import { SummaryCsvController } from './summary-csv/summary-csv.controller';
import { SummaryController } from './summary/summary.controller';

/** SPEC §6: dashboards and the monthly joint meeting's exports, all from the ticket-metrics projection. */
@Module({
  imports: [TicketsModule],
  controllers: [SummaryController, SummaryCsvController, MonthlyReportController],
})
export class DashboardsModule {}
