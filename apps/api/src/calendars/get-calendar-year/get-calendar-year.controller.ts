import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CalendarYearPipe } from '../calendar-year.pipe';
import { GetCalendarYearQuery } from './get-calendar-year.query';
import { ApiRead } from '../../http/api-docs';
import { CalendarYearDto } from '../calendar-year.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendars/cn')
export class GetCalendarYearController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':year')
  @ApiRead({ type: CalendarYearDto, etag: true, errors: [[400, 'the year is not a whole number in range']] })
  @ApiParam({ name: 'year', type: 'integer', example: 2026 })
  @ApiOperation({
    summary: 'the mainland-China calendar of a year in force: built-in (from the package), set by an admin, or none (Monday to Friday)',
  })
  async get(@Param('year', CalendarYearPipe) year: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const { version, ...inForce } = await this.bus.execute(new GetCalendarYearQuery(year));
    // The calendar's version, for If-Match on the PUT (one stream holds every year).
    void reply.header('etag', `"${version}"`);
    return inForce;
  }
}
