import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { CancelHandoverCommand } from './cancel-handover.command';
import { CancelHandoverDto } from './cancel-handover.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class CancelHandoverController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'call the handover off (committee, secretary, admin)' })
  @ApiCommand({ errors: [404] })
  async cancel(
    @Param('id', HandoverIdPipe) id: string,
    @Body() body: CancelHandoverDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new CancelHandoverCommand(id, body.reason, ctx)));
  }
}
