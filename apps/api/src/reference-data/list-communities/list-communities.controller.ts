import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListCommunitiesQuery } from './list-communities.query';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class ListCommunitiesController {
  constructor(private readonly bus: QueryBus) {}

  /** Communities are public facts (name, district, company); the dashboard's picker lists them. */
  @Get()
  @ApiOperation({ summary: 'all registered communities with the company that manages each now' })
  list() {
    return this.bus.execute(new ListCommunitiesQuery());
  }
}
