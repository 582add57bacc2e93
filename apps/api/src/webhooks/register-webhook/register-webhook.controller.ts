import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookDto } from './register-webhook.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class RegisterWebhookController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'register a webhook (admin); the answer shows the secret, once' })
  @ApiCommand({ status: 201 })
  async register(@Body() b: RegisterWebhookDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const request = { ...b, format: b.format ?? 'json', events: b.events ?? null, communities: b.communities ?? null };
    const result = answer(reply, await this.bus.execute(new RegisterWebhookCommand(request, ctx)));
    return { ...result, secret: b.secret };
  }
}
