import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { ConfirmResolutionDto } from './confirm-resolution.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ConfirmResolutionController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'confirm the resolution (the reporter)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() _body: ConfirmResolutionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({ type: 'ConfirmResolution', data: {}, metadata }));
  }
}
