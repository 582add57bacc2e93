import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { TicketIdPipe } from '../ticket-id.pipe';
import { GetTicketQuery } from './get-ticket.query';
import { ApiRead } from '../../http/api-docs';
import { TicketViewDto } from '../ticket-view.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class GetTicketController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiRead({
    type: TicketViewDto,
    etag: true,
    minPosition: 'query',
    minPositionHeader: true,
    errors: [[404, 'no such ticket, or not one the caller may see']],
  })
  @ApiOperation({ summary: 'current state of a ticket, with every timestamp and deadline' })
  async get(
    @Param('id', TicketIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition ?? minPositionHeader, reply, ['tickets', 'reference-data']);
    const ticket = await this.bus.execute(new GetTicketQuery(id, user));
    void reply.header('etag', `"${ticket.version}"`);
    return ticket;
  }
}
