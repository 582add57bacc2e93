import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListCommunitiesQuery } from './list-communities.query';
import { ApiRead } from '../../http/api-docs';
import { CommunityListDto } from '../reference-data-view.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class ListCommunitiesController {
  constructor(private readonly bus: QueryBus) {}

  /** Communities are public facts (name, district, company); the dashboard's picker lists them. */
  @Get()
  @ApiRead({ type: CommunityListDto })
  @ApiOperation({ summary: 'all registered communities with the company that manages each now' })
  list() {
    return this.bus.execute(new ListCommunitiesQuery());
  }
}
