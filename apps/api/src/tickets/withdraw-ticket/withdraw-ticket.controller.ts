import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { WithdrawTicketDto } from './withdraw-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class WithdrawTicketController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'withdraw before resolution (the reporter)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: WithdrawTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({
      type: 'WithdrawTicket',
      data: { reason: body.reason ?? null },
      metadata,
    }));
  }
}
