import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { parseInstant } from '../../dashboards/instant';
import { CurrentUser } from '../../http/current-user.decorator';
import { ListSealsQueryDto, SealsDto } from './list-seals.dto';
import { ListSealsQuery } from './list-seals.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ListSealsController {
  constructor(private readonly bus: QueryBus) {}

  @Get('seals')
  @ApiOperation({
    summary: "the log's daily seals, newest first (committee, secretary, officials, admin)",
    description: "Each is a Merkle root over every stream's head at one point of the log; `npm run audit:verify` checks them.",
  })
  @ApiOkResponse({ type: SealsDto })
  list(@Query() query: ListSealsQueryDto, @CurrentUser() user: Principal): Promise<SealsDto> {
    return this.bus.execute(new ListSealsQuery(user, parseInstant(query.from), parseInstant(query.to)));
  }
}
