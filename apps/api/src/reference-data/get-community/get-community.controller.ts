import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadYourWrites } from '../../http/read-your-writes';
import { CommunityIdPipe } from '../community-id.pipe';
import { GetCommunityQuery } from './get-community.query';
import { ApiRead } from '../../http/api-docs';
import { CommunityViewDto } from '../reference-data-view.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class GetCommunityController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiRead({ type: CommunityViewDto, minPosition: 'query', errors: [[404, 'no such community']] })
  @ApiOperation({ summary: 'a community, with the property company that manages it now' })
  async get(
    @Param('id', CommunityIdPipe) id: string,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['reference-data']);
    return this.bus.execute(new GetCommunityQuery(id));
  }
}
