import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { RejectResolutionDto } from './reject-resolution.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class RejectResolutionController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'reject the resolution and reopen (the reporter)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: RejectResolutionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({ type: 'RejectResolution', data: { reason: body.reason }, metadata }));
  }
}
