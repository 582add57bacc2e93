import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { RaiseBlockerCommand } from './raise-blocker.command';
import { RaiseBlockerDto } from './raise-blocker.dto';
import { ApiCommand } from '../../http/api-docs';
import { BlockerRaisedDto } from '../handover-view.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class RaiseBlockerController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/blockers')
  @ApiCommand({ status: 201, type: BlockerRaisedDto, errors: [404] })
  @HttpCode(201)
  @ApiOperation({ summary: 'raise a blocker; answers its number n (from 1 per handover)' })
  async raise(
    @Param('id', HandoverIdPipe) id: string,
    @Body() body: RaiseBlockerDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const raised = await this.bus.execute(new RaiseBlockerCommand(id, body.text, ctx));
    answer(reply, raised);
    return raised;
  }
}
