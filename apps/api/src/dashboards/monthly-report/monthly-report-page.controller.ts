import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { repoRoot } from '@jinlin/database';
import { mustReadDashboards } from '@jinlin/projections';
import { Public } from '../../http/auth.guard';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { DASHBOARD_PROJECTIONS } from '../summary/summary-window';
import { MonthlyReportQueryDto } from './monthly-report.dto';
import { MonthlyReportPageQuery } from './monthly-report-page.query';
import { ApiErrors } from '../../http/api-docs';

/** Served from the sources as they are, from dist/ or src/ alike (as the dashboard page's files are). */
const STYLESHEET = join(repoRoot(__dirname), 'apps', 'api', 'src', 'dashboards', 'monthly-report', 'monthly-report.css');

@ApiTags('dashboards')
@Controller('reports')
export class MonthlyReportPageController {
  private stylesheet: string | undefined;

  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get('monthly.html')
  @ApiErrors(
    400,
    401,
    [403, 'only the company, committee, secretary, officials and admin read dashboards'],
    [404, 'a community outside the caller’s scope'],
  )
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'the monthly report as a printable page (月度联席会报表): the same figures, handovers, seals and tickets as the CSV',
    description:
      'HTML, Chinese first, with a print stylesheet and no script. Same scope as the dashboards; a community outside it answers 404.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML', schema: { type: 'string' } })
  async page(
    @Query() query: MonthlyReportQueryDto,
    @CurrentUser() user: Principal,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    mustReadDashboards(user);
    await this.ryw.wait(query.minPosition ?? minPositionHeader, reply, DASHBOARD_PROJECTIONS);
    const page = await this.bus.execute(new MonthlyReportPageQuery(user, query.communityId, query.month));
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('jinlin-as-of-position', String(page.asOfPosition));
    return page.html;
  }

  /** The page's stylesheet carries no data: public, like the dashboard page's assets. */
  @Get('assets/monthly.css')
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  stylesheetFile(): string {
    return (this.stylesheet ??= readFileSync(STYLESHEET, 'utf8'));
  }
}
