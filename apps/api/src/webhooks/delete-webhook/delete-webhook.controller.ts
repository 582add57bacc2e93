import { Controller, Delete, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { WebhookIdPipe } from '../webhook-id.pipe';
import { DeleteWebhookCommand } from './delete-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class DeleteWebhookController {
  constructor(private readonly bus: CommandBus) {}

  @Delete(':id')
  @ApiOkResponse({ type: CommandResultDto })
  async remove(@Param('id', WebhookIdPipe) id: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new DeleteWebhookCommand(id, ctx)));
  }
}
