import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';
import { AcknowledgeTicketDto } from './acknowledge-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class AcknowledgeTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'acknowledge receipt (staff, manager; once)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: AcknowledgeTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new AcknowledgeTicketCommand(id, body.message, ctx, body.attachmentIds)));
  }
}
