import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { ResolveTicketCommand } from './resolve-ticket.command';
import { ResolveTicketDto } from './resolve-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ResolveTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'resolve (staff, manager; needs recorded work)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: ResolveTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new ResolveTicketCommand(id, body.resolution, ctx, body.attachmentIds)));
  }
}
