import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListHandoversQuery } from './list-handovers.query';
import { ApiRead } from '../../http/api-docs';
import { HandoverListDto } from '../handover-view.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class ListHandoversController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiRead({ type: HandoverListDto, minPosition: 'query' })
  @ApiOperation({ summary: 'handovers the caller may see, newest first' })
  @ApiQuery({ name: 'communityId', required: false })
  async list(
    @CurrentUser() user: Principal,
    @Query('communityId') communityId: string | undefined,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['handovers']);
    return this.bus.execute(new ListHandoversQuery(user, communityId));
  }
}
