import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError, type Principal } from '@jinlin/domain';
import { findTicket } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../read-your-writes';
import { TicketIdPipe } from '../ticket-id.pipe';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class GetTicketController {
  constructor(
    private readonly db: DataSource,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'current state of a ticket, with every timestamp and deadline' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until this global position is projected' })
  async get(
    @Param('id', TicketIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Headers('jinlin-min-position') minPositionHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition ?? minPositionHeader, reply, ['tickets', 'reference-data']);
    const ticket = await findTicket(this.db, user, id);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    void reply.header('etag', `"${ticket.version}"`);
    return ticket;
  }
}
