import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { ResumeTicketCommand } from './resume-ticket.command';
import { ResumeTicketDto } from './resume-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class ResumeTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'end the wait (staff, manager): back to where it was, a wait on the resident pushing the deadlines back' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() _body: ResumeTicketDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new ResumeTicketCommand(id, ctx)));
  }
}
