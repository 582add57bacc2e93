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
    return answer(reply, await this.bus.execute(new FileTicketCommand(reportOf(body), ctx, body.attachmentIds)));
  }
}

/** A validated filing as the command takes it; the Open311 façade files through this too. */
export function reportOf(body: FileTicketDto): TicketReport {
  const { communityId, category, title, description, location, channel, reporterId, anonymous, visibility } = body;
  return {
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
}
