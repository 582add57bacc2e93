import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { locationOf } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { FileTicketCommand, type TicketReport } from './file-ticket.command';
import { FileTicketDto } from './file-ticket.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class FileTicketController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'file a ticket (resident in own community; staff, manager, committee, secretary, also for a resident)' })
  @ApiCommand({ status: 201, errors: [404] })
  async file(@Body() body: FileTicketDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { communityId, category, title, description, location, channel, reporterId, anonymous, visibility } = body;
    const report: TicketReport = {
      communityId,
      category,
      title,
      description,
      location: locationOf(location),
      channel: channel ?? 'app',
      ...(reporterId === undefined ? {} : { reporterId }),
      ...(anonymous ? { anonymous } : {}),
      ...(visibility === undefined ? {} : { visibility }),
    };
    return answer(reply, await this.bus.execute(new FileTicketCommand(report, ctx, body.attachmentIds)));
  }
}
