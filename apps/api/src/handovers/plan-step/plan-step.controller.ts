import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HANDOVER_STEPS, type HandoverStep } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { HandoverIdPipe } from '../handover-id.pipe';
import { HandoverStepPipe } from '../handover-step.pipe';
import { PlanStepCommand } from './plan-step.command';
import { PlanStepDto } from './plan-step.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class PlanStepController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/steps/:step/plan')
  @HttpCode(200)
  @ApiParam({ name: 'step', enum: HANDOVER_STEPS })
  @ApiOperation({ summary: 'give a step an owner (a registered person who may complete it) and a due date (committee, secretary, admin)' })
  @ApiCommand({ errors: [404] })
  async plan(
    @Param('id', HandoverIdPipe) id: string,
    @Param('step', HandoverStepPipe) step: HandoverStep,
    @Body() body: PlanStepDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.bus.execute(new PlanStepCommand(id, step, body, ctx)));
  }
}
