import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { HandoverIdPipe } from '../handover-id.pipe';
import { HandoverTimelineQuery } from './handover-timeline.query';
import { ApiRead } from '../../http/api-docs';
import { HandoverTimelineDto } from '../handover-view.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class HandoverTimelineController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/timeline')
  @ApiRead({ type: HandoverTimelineDto, errors: [[404, 'no such handover, or not for the caller']] })
  @ApiOperation({ summary: 'every event of the handover, in order, with the hash-chain verdict' })
  timeline(@Param('id', HandoverIdPipe) id: string, @CurrentUser() user: Principal) {
    return this.bus.execute(new HandoverTimelineQuery(user, id));
  }
}
