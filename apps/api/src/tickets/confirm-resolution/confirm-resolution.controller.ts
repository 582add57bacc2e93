import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { ConfirmResolutionCommand } from './confirm-resolution.command';
import { ConfirmResolutionDto } from './confirm-resolution.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ConfirmResolutionController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'confirm the resolution (the reporter)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() _body: ConfirmResolutionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new ConfirmResolutionCommand(id, ctx)));
  }
}
