import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { RegisterCommunityCommand } from './register-community.command';
import { RegisterCommunityDto } from './register-community.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class RegisterCommunityController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(@Body() body: RegisterCommunityDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new RegisterCommunityCommand(body, ctx)));
  }
}
