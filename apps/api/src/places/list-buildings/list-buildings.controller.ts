import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { BUILDINGS_PROJECTION } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { CommunityIdPipe } from '../../reference-data/community-id.pipe';
import { ListBuildingsQuery } from './list-buildings.query';
import { ApiRead } from '../../http/api-docs';
import { BuildingListDto } from '../place-view.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class ListBuildingsController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id/buildings')
  @ApiRead({ type: BuildingListDto, minPosition: 'query', errors: [[404, 'the community does not exist, or not for the caller']] })
  @ApiOperation({ summary: "the community's buildings and their units, by code (anyone who may see the community)" })
  async list(
    @Param('id', CommunityIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, [BUILDINGS_PROJECTION, 'reference-data']);
    return this.bus.execute(new ListBuildingsQuery(id, user));
  }
}
