import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { RejectResolutionCommand } from './reject-resolution.command';
import { RejectResolutionDto } from './reject-resolution.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class RejectResolutionController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'reject the resolution and reopen (the reporter)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: RejectResolutionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new RejectResolutionCommand(id, body.reason, ctx)));
  }
}
