import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { IsText } from '../../http/validation-decorators';
import { HandoverCommands, HandoverIdPipe } from '../handover-commands.service';

export class CompleteHandoverDto {}

export class CancelHandoverDto {
  @IsText(2000, 'why the handover is called off') reason: string;
}

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class FinishHandoverController {
  constructor(private readonly handovers: HandoverCommands) {}

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'complete: appoints the incoming company and transfers every open ticket (409 until ready)' })
  @ApiOkResponse({ type: CommandResultDto })
  complete(
    @Param('id', HandoverIdPipe) id: string,
    @Body() _body: CompleteHandoverDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.handovers.execute(reply, id, ctx, (metadata) => ({ type: 'CompleteHandover', data: {}, metadata }));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'call the handover off (committee, secretary, admin)' })
  @ApiOkResponse({ type: CommandResultDto })
  cancel(
    @Param('id', HandoverIdPipe) id: string,
    @Body() body: CancelHandoverDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.handovers.execute(reply, id, ctx, (metadata) => ({ type: 'CancelHandover', data: { reason: body.reason }, metadata }));
  }
}
