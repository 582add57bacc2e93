import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { PersonIdPipe } from '../person-id.pipe';
import { ExportPersonalDataQuery } from './export-personal-data.query';
import { ApiRead } from '../../http/api-docs';
import { PersonalDataExportDto } from '../person-view.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ExportPersonalDataController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/personal-data')
  @ApiRead({ type: PersonalDataExportDto, errors: [[403, 'only the person and admins'], 404] })
  @ApiOperation({ summary: 'PIPL access: everything held about the person (the person, admin)' })
  export(@Param('id', PersonIdPipe) id: string, @CurrentUser() user: Principal) {
    return this.bus.execute(new ExportPersonalDataQuery(id, user));
  }
}
