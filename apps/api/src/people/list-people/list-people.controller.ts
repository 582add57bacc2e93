import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListPeopleDto } from './list-people.dto';
import { ListPeopleQuery } from './list-people.query';
import { ApiRead } from '../../http/api-docs';
import { PersonPageDto } from '../person-view.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ListPeopleController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiRead({ type: PersonPageDto, minPosition: 'dto' })
  @ApiOperation({
    summary: 'people in your scope (company users: own company and residents of managed communities; overseers: their communities)',
  })
  async list(@Query() filter: ListPeopleDto, @CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(filter.minPosition, reply, ['people', 'reference-data']);
    return this.bus.execute(new ListPeopleQuery(filter, user));
  }
}
