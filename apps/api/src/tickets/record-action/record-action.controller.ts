import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { TicketIdPipe } from '../ticket-id.pipe';
import { RecordActionDto } from './record-action.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class RecordActionController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'record work actually done (staff, manager)' })
  @ApiOkResponse({ type: CommandResultDto })
  run(
    @Param('id', TicketIdPipe) id: string,
    @Body() body: RecordActionDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tickets.execute(reply, id, ctx, (metadata) => ({
      type: 'RecordAction',
      data: { description: body.description },
      metadata,
    }));
  }
}
