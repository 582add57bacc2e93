import { BadRequestException, Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { companyStream, HANDOVER_STEPS, type HandoverStep } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { HandoverCommands, HandoverIdPipe } from '../handover-commands.service';
import { CompleteStepDto } from './complete-step.dto';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class CompleteStepController {
  constructor(
    private readonly handovers: HandoverCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post(':id/steps/:step/complete')
  @HttpCode(200)
  @ApiParam({ name: 'step', enum: HANDOVER_STEPS })
  @ApiOperation({ summary: 'complete a step (committee, secretary, admin; each company its own steps)' })
  @ApiOkResponse({ type: CommandResultDto })
  async complete(
    @Param('id', HandoverIdPipe) id: string,
    @Param('step') step: string,
    @Body() body: CompleteStepDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(HANDOVER_STEPS as readonly string[]).includes(step))
      throw new BadRequestException(`step must be one of ${HANDOVER_STEPS.join(', ')}`);
    const incomingCompanyExists = body.incomingCompanyId
      ? (await this.store.readStream(companyStream(body.incomingCompanyId))).length > 0
      : undefined;
    const data = { step: step as HandoverStep, ...body, incomingCompanyExists };
    return this.handovers.execute(reply, id, ctx, (metadata) => ({ type: 'CompleteHandoverStep', data, metadata }));
  }
}
