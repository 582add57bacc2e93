import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { mustReadDashboards } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { sendCsv } from '../csv';
import { DASHBOARD_PROJECTIONS } from '../summary/summary-window';
import { MonthlyReportQueryDto } from './monthly-report.dto';
import { MonthlyReportQuery } from './monthly-report.query';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('reports')
export class MonthlyReportController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get('monthly')
  @ApiErrors(
    400,
    401,
    [403, 'only the company, committee, secretary, officials and admin read dashboards'],
    [404, 'a community outside the caller’s scope'],
  )
  @ApiOperation({
    summary: "a community's month for the joint meeting (一月一联席会): the month's figures and every ticket filed in it, with its timings",
    description:
      'CSV, UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese text correctly. The month and all times are in Asia/Shanghai (UTC+8). ' +
      'Same scope as the dashboards; a community outside it answers 404.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  async monthly(
    @Query() query: MonthlyReportQueryDto,
    @CurrentUser() user: Principal,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    mustReadDashboards(user);
    await this.ryw.wait(query.minPosition ?? minPositionHeader, reply, DASHBOARD_PROJECTIONS);
    return sendCsv(reply, await this.bus.execute(new MonthlyReportQuery(user, query.communityId, query.month)));
  }
}
