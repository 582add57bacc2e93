import { BadRequestException, Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { calendarYearProblems } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CalendarYearPipe } from '../calendar-year.pipe';
import { SetCalendarYearCommand } from './set-calendar-year.command';
import { SetCalendarYearDto } from './set-calendar-year.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendars/cn')
export class SetCalendarYearController {
  constructor(private readonly bus: CommandBus) {}

  @Put(':year')
  @HttpCode(200)
  @ApiParam({ name: 'year', type: 'integer', example: 2027 })
  @ApiOperation({
    summary:
      'replace the built-in mainland-China calendar of a year (admin); tickets filed from now on use it, filed ones keep their deadlines',
  })
  @ApiCommand()
  async set(
    @Param('year', CalendarYearPipe) year: number,
    @Body() body: SetCalendarYearDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // One message per bad date, as for any other field; the decider checks the same again.
    const problems = calendarYearProblems(year, body);
    if (problems.length > 0) throw new BadRequestException(problems);
    const dates = { holidays: body.holidays, workdays: body.workdays };
    return answer(reply, await this.bus.execute(new SetCalendarYearCommand(year, dates, ctx)));
  }
}
