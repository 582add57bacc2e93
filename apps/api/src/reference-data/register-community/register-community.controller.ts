import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { communityDecider, communityStream, companyStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { DecideCommand } from '../../commands/decide.command';
import { RegisterCommunityDto } from './register-community.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class RegisterCommunityController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(@Body() body: RegisterCommunityDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, households, ...rest } = body;
    const decide = async (state: Parameters<typeof communityDecider.decide>[1]) => {
      const companyExists = (await this.store.readStream(companyStream(body.propertyCompanyId))).length > 0;
      const data = { communityId: id, households: households ?? null, ...rest, companyExists };
      return communityDecider.decide({ type: 'RegisterCommunity', data, metadata: { actor: ctx.actor, now: ctx.now } }, state);
    };
    const result = await this.commands.execute(
      new DecideCommand({ id, streamId: communityStream(id), evolver: communityDecider, ctx, decide }),
    );
    return answer(reply, result);
  }
}
