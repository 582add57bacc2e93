import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { CommentOnTicketCommand } from './comment-on-ticket.command';
import { CommentOnTicketDto } from './comment-on-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class CommentOnTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/comments')
  @HttpCode(200)
  @ApiOperation({ summary: 'comment (anyone in scope; internal only for company and supervisors)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: CommentOnTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(
      reply,
      await this.bus.execute(new CommentOnTicketCommand(id, body.text, body.internal ?? false, ctx, body.attachmentIds)),
    );
  }
}
