import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { MergeTicketCommand } from './merge-ticket.command';
import { MergeTicketDto } from './merge-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class MergeTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "merge this duplicate into intoTicketId (the managing company's staff or manager, committee, secretary): it becomes merged, its reporter a supporter of the primary",
  })
  @ApiCommand({
    errors: [
      404,
      [400, 'intoTicketId missing, malformed, or no ticket the caller sees'],
      [409, 'into itself, across communities, into or from a closed, withdrawn or merged ticket, or from a resolved one'],
    ],
  })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: MergeTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new MergeTicketCommand(id, body.intoTicketId, ctx)));
  }
}
