import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { RegisterCommunityCommand } from './register-community.command';
import { RegisterCommunityDto } from './register-community.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class RegisterCommunityController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCommand({ status: 201, errors: [404] })
  async register(@Body() body: RegisterCommunityDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new RegisterCommunityCommand(body, ctx)));
  }
}
