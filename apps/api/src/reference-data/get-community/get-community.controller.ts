import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadYourWrites } from '../../http/read-your-writes';
import { CommunityIdPipe } from '../community-id.pipe';
import { GetCommunityQuery } from './get-community.query';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class GetCommunityController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'a community, with the property company that manages it now' })
  @ApiQuery({ name: 'minPosition', required: false })
  async get(
    @Param('id', CommunityIdPipe) id: string,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['reference-data']);
    return this.bus.execute(new GetCommunityQuery(id));
  }
}
