import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { FollowUpTicketCommand } from './follow-up-ticket.command';
import { FollowUpTicketDto } from './follow-up-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class FollowUpTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/follow-ups')
  @HttpCode(200)
  @ApiOperation({
    summary: 'record a follow-up (回访) after resolve (the manager, the committee, the secretary)',
    description: 'A reached score ≤ 2 reopens a resolved ticket; a reached score ≥ 3 closes a resolved ticket that has no reporter.',
  })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: FollowUpTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const followUp = { method: body.method, reached: body.reached, score: body.score ?? null, note: body.note ?? null };
    return answer(reply, await this.bus.execute(new FollowUpTicketCommand(id, followUp, ctx)));
  }
}
