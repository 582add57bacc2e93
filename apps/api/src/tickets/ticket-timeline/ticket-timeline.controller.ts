import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { TicketIdPipe } from '../ticket-id.pipe';
import { TicketTimelineQuery } from './ticket-timeline.query';
import { ApiRead } from '../../http/api-docs';
import { TicketTimelineDto } from '../ticket-view.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketTimelineController {
  constructor(private readonly bus: QueryBus) {}

  /** Every event of the ticket, in order, and whether its hash chain still verifies. */
  @Get(':id/timeline')
  @ApiRead({ type: TicketTimelineDto, errors: [[404, 'no such ticket, or not one the caller may see']] })
  @ApiOperation({ summary: 'the audit timeline: every event, in order, with the hash-chain verdict' })
  timeline(@Param('id', TicketIdPipe) id: string, @CurrentUser() user: Principal) {
    return this.bus.execute(new TicketTimelineQuery(id, user));
  }
}
