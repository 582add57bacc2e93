import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { RateTicketDto } from './rate-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class RateTicketController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/rate')
  @HttpCode(200)
  @ApiOperation({ summary: 'rate once, after resolve (the reporter)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: RateTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({
      type: 'RateTicket',
      data: { score: body.score, comment: body.comment ?? null },
      metadata,
    }));
  }
}
