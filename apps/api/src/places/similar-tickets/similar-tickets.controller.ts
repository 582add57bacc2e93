import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { TicketIdPipe } from '../../tickets/ticket-id.pipe';
import { SimilarTicketsQuery } from './similar-tickets.query';
import { ApiRead } from '../../http/api-docs';
import { SimilarTicketListDto } from '../place-view.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class SimilarTicketsController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id/similar')
  @ApiRead({ type: SimilarTicketListDto, minPosition: 'query', errors: [[404, 'no such ticket, or not for the caller']] })
  @ApiOperation({
    summary:
      'candidates to merge: unfinished tickets of the same community and category (and building) filed in the last 14 days, ' +
      'most similar titles first (pg_trgm), at most 10',
  })
  async similar(
    @Param('id', TicketIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['tickets', 'reference-data']);
    return this.bus.execute(new SimilarTicketsQuery(id, user));
  }
}
