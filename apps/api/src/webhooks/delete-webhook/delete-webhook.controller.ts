import { Controller, Delete, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { WebhookIdPipe } from '../webhook-id.pipe';
import { DeleteWebhookCommand } from './delete-webhook.command';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class DeleteWebhookController {
  constructor(private readonly bus: CommandBus) {}

  @Delete(':id')
  @ApiCommand({ errors: [404] })
  async remove(@Param('id', WebhookIdPipe) id: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new DeleteWebhookCommand(id, ctx)));
  }
}
