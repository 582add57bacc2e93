import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { CommunityRow } from '@jinlin/projections';
import { ReadYourWrites } from '../../tickets/read-your-writes';
import { CommunityIdPipe } from '../community-id.pipe';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class GetCommunityController {
  constructor(
    private readonly db: DataSource,
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
    const row = await this.db.getRepository(CommunityRow).findOneBy({ id });
    if (!row) throw new DomainError('COMMUNITY_NOT_FOUND');
    return {
      id: row.id,
      name: row.name,
      subdistrict: row.subdistrict,
      neighbourhood: row.neighbourhood,
      households: row.households,
      propertyCompanyId: row.propertyCompanyId,
      slaPolicies: row.slaPolicies,
    };
  }
}
