import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HandoverEvent } from '@jinlin/domain';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverCommands, HandoverIdPipe } from '../handover-commands.service';
import { RaiseBlockerDto, ResolveBlockerDto } from './blockers.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class BlockersController {
  constructor(private readonly handovers: HandoverCommands) {}

  @Post(':id/blockers')
  @HttpCode(201)
  @ApiOperation({ summary: 'raise a blocker; answers its number n (from 1 per handover)' })
  async raise(
    @Param('id', HandoverIdPipe) id: string,
    @Body() body: RaiseBlockerDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    let n = 0;
    const seen = (events: HandoverEvent[]) => {
      for (const e of events) if (e.type === 'HandoverBlockerRaised') n = e.data.n;
    };
    const result = await this.handovers.execute(
      reply,
      id,
      ctx,
      (metadata) => ({ type: 'RaiseHandoverBlocker', data: { text: body.text }, metadata }),
      seen,
    );
    // A replayed Idempotency-Key decides nothing: the number is then the one the stream holds.
    return { n: n || undefined, ...result };
  }

  @Post(':id/blockers/:n/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'resolve a blocker (committee, secretary, admin)' })
  resolve(
    @Param('id', HandoverIdPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() body: ResolveBlockerDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.handovers.execute(reply, id, ctx, (metadata) => ({
      type: 'ResolveHandoverBlocker',
      data: { n, note: body.note ?? null },
      metadata,
    }));
  }
}
