import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { parseInstant } from '../../dashboards/instant';
import { CurrentUser } from '../../http/current-user.decorator';
import { ListSealsQueryDto, SealsDto } from './list-seals.dto';
import { ListSealsQuery } from './list-seals.query';
import { ApiRead } from '../../http/api-docs';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ListSealsController {
  constructor(private readonly bus: QueryBus) {}

  @Get('seals')
  @ApiRead({ type: SealsDto, errors: [403] })
  @ApiOperation({
    summary: "the log's daily seals, newest first (committee, secretary, officials, admin)",
    description: "Each is a Merkle root over every stream's head at one point of the log; `npm run audit:verify` checks them.",
  })
  list(@Query() query: ListSealsQueryDto, @CurrentUser() user: Principal): Promise<SealsDto> {
    return this.bus.execute(new ListSealsQuery(user, parseInstant(query.from), parseInstant(query.to)));
  }
}
