import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { WaitTicketCommand } from './wait-ticket.command';
import { WaitTicketDto } from './wait-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class WaitTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/wait')
  @HttpCode(200)
  @ApiOperation({ summary: 'put an acknowledged or in-progress ticket on hold (staff, manager); waiting on the resident stops the clock' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: WaitTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new WaitTicketCommand(id, body.on, body.reason, ctx)));
  }
}
