import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { ResolveBlockerCommand } from './resolve-blocker.command';
import { ResolveBlockerDto } from './resolve-blocker.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class ResolveBlockerController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/blockers/:n/resolve')
  @HttpCode(200)
  @ApiCommand({ errors: [404] })
  @ApiOperation({ summary: 'resolve a blocker (committee, secretary, admin)' })
  async resolve(
    @Param('id', HandoverIdPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() body: ResolveBlockerDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new ResolveBlockerCommand(id, n, body.note ?? null, ctx)));
  }
}
