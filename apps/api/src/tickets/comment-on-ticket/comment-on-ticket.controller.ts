import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { CommentOnTicketDto } from './comment-on-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class CommentOnTicketController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/comments')
  @HttpCode(200)
  @ApiOperation({ summary: 'comment (anyone in scope; internal only for company and supervisors)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: CommentOnTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({
      type: 'CommentOnTicket',
      data: { text: body.text, internal: body.internal ?? false },
      metadata,
    }));
  }
}
