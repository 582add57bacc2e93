import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { ChangeVisibilityCommand } from './change-visibility.command';
import { ChangeVisibilityDto } from './change-visibility.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ChangeVisibilityController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/visibility')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'show a ticket to the community’s residents, or no longer (the reporter; the managing company, committee, secretary for a public-area problem)',
  })
  @ApiCommand({
    errors: [
      [403, 'VISIBILITY_NOT_ALLOWED'],
      [409, 'the ticket is closed, withdrawn or merged'],
      [404, 'no such ticket, or not visible to the caller'],
    ],
  })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: ChangeVisibilityDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new ChangeVisibilityCommand(id, body.visibility, ctx)));
  }
}
