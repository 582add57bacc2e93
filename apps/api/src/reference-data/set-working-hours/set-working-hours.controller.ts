import { BadRequestException, Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { workingHoursProblems } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommunityIdPipe } from '../community-id.pipe';
import { SetWorkingHoursCommand } from './set-working-hours.command';
import { SetWorkingHoursDto } from './set-working-hours.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class SetWorkingHoursController {
  constructor(private readonly bus: CommandBus) {}

  @Put(':id/working-hours')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "set a community's working hours (admin, or a manager of the managing company); business deadlines of tickets filed from now on use them",
  })
  @ApiCommand({ errors: [404] })
  async set(
    @Param('id', CommunityIdPipe) id: string,
    @Body() body: SetWorkingHoursDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const hours = { start: body.start, end: body.end };
    // One message per field, as for any other body; the decider checks the same again.
    const problems = workingHoursProblems(hours);
    if (problems.length > 0) throw new BadRequestException(problems);
    return answer(reply, await this.bus.execute(new SetWorkingHoursCommand(id, hours, ctx)));
  }
}
