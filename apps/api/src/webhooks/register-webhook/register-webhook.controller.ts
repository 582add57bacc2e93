import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookDto } from './register-webhook.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class RegisterWebhookController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'register a webhook (admin); the answer shows the secret, once' })
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(@Body() b: RegisterWebhookDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const request = { ...b, format: b.format ?? 'json', events: b.events ?? null, communities: b.communities ?? null };
    const result = answer(reply, await this.bus.execute(new RegisterWebhookCommand(request, ctx)));
    return { ...result, secret: b.secret };
  }
}
