import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { WithdrawTicketCommand } from './withdraw-ticket.command';
import { WithdrawTicketDto } from './withdraw-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class WithdrawTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'withdraw before resolution (the reporter)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: WithdrawTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new WithdrawTicketCommand(id, body.reason ?? null, ctx)));
  }
}
