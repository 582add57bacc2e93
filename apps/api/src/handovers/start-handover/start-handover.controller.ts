import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { handoverDecider, handoverId, handoverStream, type HandoverEvent } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { loadCommunity } from '../../commands/load';
import { HandoverCommands } from '../handover-commands.service';
import { StartHandoverDto } from './start-handover.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class StartHandoverController {
  constructor(
    private readonly handovers: HandoverCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'start a handover (committee, secretary, admin); one active per community' })
  @ApiCreatedResponse({ type: CommandResultDto })
  async start(@Body() body: StartHandoverDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const [next, previousHandoverActive] = await this.nextNumber(body.communityId);
    const c = await loadCommunity(this.store, body.communityId);
    const community = { exists: c.exists, propertyCompanyId: c.exists ? c.propertyCompanyId : null, previousHandoverActive };
    const id = handoverId(body.communityId, next);
    return this.handovers.execute(reply, id, ctx, (metadata) => ({
      type: 'StartHandover',
      data: { handoverId: id, ...body, community },
      metadata,
    }));
  }

  /** Handovers are numbered per community; racing starts meet on the same new stream. */
  private async nextNumber(communityId: string): Promise<[number, boolean]> {
    let active = false;
    for (let n = 1; ; n++) {
      const events = await this.store.readStream(handoverStream(handoverId(communityId, n)));
      if (events.length === 0) return [n, active];
      const state = events.reduce((s, e) => handoverDecider.evolve(s, e as unknown as HandoverEvent), handoverDecider.initialState());
      active = state.exists && state.status === 'active';
    }
  }
}
