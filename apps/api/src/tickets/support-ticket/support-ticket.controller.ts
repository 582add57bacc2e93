import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { SupportTicketCommand } from './support-ticket.command';
import { SupportTicketDto } from './support-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class SupportTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/support')
  @HttpCode(200)
  @ApiOperation({ summary: 'support (附议) a community-visible ticket, once (residents of its community, not the reporter)' })
  @ApiCommand({
    errors: [
      [409, 'ALREADY_SUPPORTED, CANNOT_SUPPORT_OWN, or the ticket is closed, withdrawn or merged'],
      [404, 'no such ticket, or not visible to the caller'],
    ],
  })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() _body: SupportTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new SupportTicketCommand(id, ctx)));
  }
}
