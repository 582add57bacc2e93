import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { CompleteHandoverCommand } from './complete-handover.command';
import { CompleteHandoverDto } from './complete-handover.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class CompleteHandoverController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'complete: appoints the incoming company and transfers every open ticket (409 until ready)' })
  @ApiCommand({ errors: [404] })
  async complete(
    @Param('id', HandoverIdPipe) id: string,
    @Body() _body: CompleteHandoverDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new CompleteHandoverCommand(id, ctx)));
  }
}
