import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { TicketCommands } from '../ticket-commands.service';
import { FileTicketDto } from './file-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class FileTicketController {
  constructor(private readonly tickets: TicketCommands) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'file a ticket (resident in own community, staff, committee, secretary)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  async file(@Body() body: FileTicketDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = {
      ticketId: randomUUID(),
      communityId: body.communityId,
      category: body.category,
      title: body.title,
      description: body.description,
      location: body.location ?? null,
      channel: body.channel ?? 'app',
    };
    return this.tickets.execute(
      reply,
      data.ticketId,
      ctx,
      ({ actor, now }, community) => ({ type: 'FileTicket', data: { ...data, community: community! }, metadata: { actor, now } }),
      { newTicketIn: body.communityId },
    );
  }
}
