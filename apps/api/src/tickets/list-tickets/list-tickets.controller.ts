import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import { BadCursor, listTickets } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListTicketsQuery } from './list-tickets.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ListTicketsController {
  constructor(
    private readonly db: DataSource,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiOperation({ summary: 'tickets in scope, newest first, with cursor paging' })
  async list(@Query() query: ListTicketsQuery, @CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(query.minPosition, reply, ['tickets', 'reference-data']);
    try {
      return await listTickets(this.db, user, { ...query, limit: query.limit ?? 20 });
    } catch (error) {
      if (error instanceof BadCursor) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
