import { BadRequestException, Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CATEGORY_CODES, isCategory, type StoredSlaPolicy } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommunityIdPipe } from '../../reference-data/community-id.pipe';
import { SetSlaPolicyCommand } from './set-sla-policy.command';
import { SetSlaPolicyDto } from './set-sla-policy.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class SetSlaPolicyController {
  constructor(private readonly bus: CommandBus) {}

  @Put(':id/sla-policies/:category')
  @HttpCode(200)
  @ApiParam({ name: 'category', enum: CATEGORY_CODES })
  @ApiOperation({ summary: "set a category's SLA in a community (admin); tickets filed from now on get its deadlines" })
  @ApiCommand({ errors: [404] })
  async set(
    @Param('id', CommunityIdPipe) id: string,
    @Param('category') category: string,
    @Body() body: SetSlaPolicyDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isCategory(category)) throw new BadRequestException(`category must be one of ${CATEGORY_CODES.join(', ')}`);
    // What was given, no more: the domain fills the category's defaults for the rest.
    const { acknowledgeWithinMinutes, resolveWithinMinutes, clock, warnAtPercent, escalateAfterBreachMinutes } = body;
    const policy: StoredSlaPolicy = {
      acknowledgeWithinMinutes,
      resolveWithinMinutes,
      ...(clock !== undefined && { clock }),
      ...(warnAtPercent !== undefined && { warnAtPercent }),
      ...(escalateAfterBreachMinutes !== undefined && { escalateAfterBreachMinutes }),
    };
    return answer(reply, await this.bus.execute(new SetSlaPolicyCommand(id, category, policy, ctx)));
  }
}
