import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListTicketsDto } from './list-tickets.dto';
import { ListTicketsQuery } from './list-tickets.query';
import { ApiRead } from '../../http/api-docs';
import { TicketPageDto } from '../ticket-view.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ListTicketsController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiRead({
    type: TicketPageDto,
    minPosition: 'dto',
    errors: [[400, 'a filter or the cursor is malformed: each problem is named in `errors`']],
  })
  @ApiOperation({ summary: 'tickets in scope, newest first, with cursor paging' })
  async list(@Query() query: ListTicketsDto, @CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(query.minPosition, reply, ['tickets', 'reference-data']);
    return this.bus.execute(new ListTicketsQuery(user, { ...query, limit: query.limit ?? 20 }));
  }
}
