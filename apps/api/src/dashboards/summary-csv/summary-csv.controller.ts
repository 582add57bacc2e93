import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { mustReadDashboards } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { sendCsv } from '../csv';
import { DASHBOARD_PROJECTIONS, toSummaryQuery } from '../summary/summary-window';
import { SummaryQueryDto } from '../summary/summary.dto';
import { SUMMARY_DESCRIPTION } from '../summary/summary.controller';
import { SummaryCsvQuery } from './summary-csv.query';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class SummaryCsvController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get('summary.csv')
  @ApiErrors(
    400,
    401,
    [403, 'only the company, committee, secretary, officials and admin read dashboards'],
    [404, 'a community outside the caller’s scope'],
  )
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
    return sendCsv(reply, await this.bus.execute(new SummaryCsvQuery(user, window)));
  }
}
