import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { EscalateTicketDto } from './escalate-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class EscalateTicketController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'escalate (reporter, committee, secretary)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: EscalateTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({
      type: 'EscalateTicket',
      data: { level: body.level, reason: body.reason },
      metadata,
    }));
  }
}
