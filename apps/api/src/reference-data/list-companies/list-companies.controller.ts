import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiRead } from '../../http/api-docs';
import { ReadYourWrites } from '../../http/read-your-writes';
import { CompanyListDto } from '../reference-data-view.dto';
import { ListCompaniesQuery } from './list-companies.query';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('companies')
export class ListCompaniesController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  /** Companies are public facts, as communities are: every screen shows a company by its name, not its id. */
  @Get()
  @ApiRead({ type: CompanyListDto, minPosition: 'query' })
  @ApiOperation({ summary: 'all registered property companies, with the communities each manages now' })
  async list(@Query('minPosition') minPosition: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(minPosition, reply, ['reference-data']);
    return this.bus.execute(new ListCompaniesQuery());
  }
}
