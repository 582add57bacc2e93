import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { TicketIdPipe } from '../ticket-id.pipe';
import { RecordActionCommand } from './record-action.command';
import { RecordActionDto } from './record-action.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class RecordActionController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'record work actually done (staff, manager)' })
  @ApiCommand({ errors: [404] })
  async run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: RecordActionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new RecordActionCommand(id, body.description, ctx, body.attachmentIds)));
  }
}
