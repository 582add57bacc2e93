import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { HandoverIdPipe } from '../handover-id.pipe';
import { GetHandoverQuery } from './get-handover.query';
import { ApiRead } from '../../http/api-docs';
import { HandoverViewDto } from '../handover-view.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class GetHandoverController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiRead({ type: HandoverViewDto, etag: true, minPosition: 'query', errors: [[404, 'no such handover, or not for the caller']] })
  @ApiOperation({ summary: 'progress: steps with who/when/note, percent done, days elapsed, open blockers' })
  async get(
    @Param('id', HandoverIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['handovers']);
    const view = await this.bus.execute(new GetHandoverQuery(user, id));
    void reply.header('etag', `"${view.version}"`);
    return view;
  }
}
