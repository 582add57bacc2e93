import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { PersonIdPipe } from '../person-id.pipe';
import { GetPersonQuery } from './get-person.query';
import { ApiRead } from '../../http/api-docs';
import { PersonViewDto } from '../person-view.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class GetPersonController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ApiRead({ type: PersonViewDto, errors: [[404, 'no such person, or outside your scope']] })
  @ApiOperation({ summary: 'one person, phone masked unless admin or self' })
  get(@Param('id', PersonIdPipe) id: string, @CurrentUser() user: Principal) {
    return this.bus.execute(new GetPersonQuery(id, user));
  }
}
