import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import { dashboardSummary, mustReadDashboards, type Summary } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { CSV_CONTENT_TYPE, attachment, toCsv, type CsvValue } from '../csv';
import { groupNames } from '../group-names';
import { FIGURE_COLUMNS, shanghaiTime } from '../report-format';
import { DASHBOARD_PROJECTIONS, toSummaryQuery } from '../summary/summary-window';
import { SummaryQueryDto } from '../summary/summary.dto';
import { SUMMARY_DESCRIPTION } from '../summary/summary.controller';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class SummaryCsvController {
  constructor(
    private readonly db: DataSource,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get('summary.csv')
  @ApiOperation({
    summary: 'the summary as CSV for the monthly joint meeting: a total row, then one row per group',
    description: `${SUMMARY_DESCRIPTION} UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese text correctly; times in UTC+8.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  async csv(
    @Query() query: SummaryQueryDto,
    @CurrentUser() user: Principal,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    mustReadDashboards(user);
    const window = toSummaryQuery(query, Date.now());
    await this.ryw.wait(query.minPosition ?? minPositionHeader, reply, DASHBOARD_PROJECTIONS);
    const summary = await dashboardSummary(this.db, user, window);
    const names = await groupNames(
      this.db,
      query.groupBy,
      (summary.groups ?? []).map((g) => g.key),
    );
    const day = (iso: string) => shanghaiTime(Date.parse(iso))!.slice(0, 10);
    void reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', attachment(`jinlin-summary-${day(summary.from)}-${day(summary.to)}.csv`))
      .header('jinlin-as-of-position', String(summary.asOfPosition));
    return toCsv(summaryRows(summary, query.groupBy ?? '', names));
  }
}

export function summaryRows(summary: Summary, groupBy: string, names: ReadonlyMap<string, string>): CsvValue[][] {
  const period = [shanghaiTime(Date.parse(summary.from)), shanghaiTime(Date.parse(summary.to))];
  const header = ['分组 groupBy', '键 key', '名称 name', '起(UTC+8) from', '止(UTC+8) to', ...FIGURE_COLUMNS.map(([heading]) => heading)];
  const total = ['合计 total', '', '合计', ...period, ...FIGURE_COLUMNS.map(([, value]) => value(summary.total))];
  const groups = (summary.groups ?? []).map((g) => [
    groupBy,
    g.key,
    names.get(g.key) ?? g.key,
    ...period,
    ...FIGURE_COLUMNS.map(([, value]) => value(g)),
  ]);
  return [header, total, ...groups];
}
