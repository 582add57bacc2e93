import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HANDOVER_STEPS, type HandoverStep } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { HandoverStepPipe } from '../handover-step.pipe';
import { CompleteStepCommand } from './complete-step.command';
import { CompleteStepDto } from './complete-step.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class CompleteStepController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/steps/:step/complete')
  @HttpCode(200)
  @ApiParam({ name: 'step', enum: HANDOVER_STEPS })
  @ApiOperation({ summary: 'complete a step (committee, secretary, admin; each company its own steps)' })
  @ApiCommand({ errors: [404] })
  async complete(
    @Param('id', HandoverIdPipe) id: string,
    @Param('step', HandoverStepPipe) step: HandoverStep,
    @Body() body: CompleteStepDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new CompleteStepCommand(id, step, body, ctx)));
  }
}
