import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { mustReadDashboards } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { DASHBOARD_PROJECTIONS, toSummaryQuery } from './summary-window';
import { DAY_KEYS, SummaryDto, SummaryQueryDto } from './summary.dto';
import { DashboardSummaryQuery } from './summary.query';
import { ApiErrors } from '../../http/api-docs';

export const SUMMARY_DESCRIPTION =
  'SPEC §6 figures over tickets filed in [from, to), from the ticket-metrics projection, scoped to the caller ' +
  '(admin: all; committee, secretary and 社区/街道 officials: their communities; staff and manager: communities their company manages now; residents: 403). ' +
  `Tickets count for the company responsible when they were filed. ${DAY_KEYS}`;

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class SummaryController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get('summary')
  @ApiErrors(
    400,
    401,
    [403, 'only the company, committee, secretary, officials and admin read dashboards'],
    [404, 'a community outside the caller’s scope'],
  )
  @ApiOperation({
    summary: 'response, resolution, satisfaction and reopen rates, timings, backlog and overdue',
    description: SUMMARY_DESCRIPTION,
  })
  @ApiOkResponse({ type: SummaryDto })
  async summary(
    @Query() query: SummaryQueryDto,
    @CurrentUser() user: Principal,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SummaryDto> {
    mustReadDashboards(user);
    const window = toSummaryQuery(query, Date.now());
    await this.ryw.wait(query.minPosition ?? minPositionHeader, reply, DASHBOARD_PROJECTIONS);
    return this.bus.execute(new DashboardSummaryQuery(user, window));
  }
}
