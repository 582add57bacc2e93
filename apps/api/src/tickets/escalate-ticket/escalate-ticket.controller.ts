import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { EscalateTicketCommand } from './escalate-ticket.command';
import { EscalateTicketDto } from './escalate-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class EscalateTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'escalate (reporter, committee, secretary, 社区/街道 officials)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: EscalateTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new EscalateTicketCommand(id, body.level, body.reason, ctx)));
  }
}
