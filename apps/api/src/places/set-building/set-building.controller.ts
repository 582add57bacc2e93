import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BUILDING_CODE, DomainError } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommunityIdPipe } from '../../reference-data/community-id.pipe';
import { SetBuildingCommand } from './set-building.command';
import { SetBuildingDto } from './set-building.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class SetBuildingController {
  constructor(private readonly bus: CommandBus) {}

  @Put(':id/buildings/:building')
  @HttpCode(200)
  @ApiParam({
    name: 'building',
    description: 'building code, 1-32 of a-z, 0-9 and - (e.g. 3 for 3号楼)',
    schema: { type: 'string', pattern: BUILDING_CODE.source },
  })
  @ApiOperation({
    summary: "register or change a building and its units (admin; a manager of the community's company; its committee)",
  })
  @ApiCommand({
    errors: [
      [400, 'a field is invalid; the message names it'],
      [403, 'staff, residents, secretaries and officials of the community'],
      [404, 'the community does not exist, or not for the caller'],
    ],
  })
  async set(
    @Param('id', CommunityIdPipe) id: string,
    @Param('building') building: string,
    @Body() body: SetBuildingDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!BUILDING_CODE.test(building)) throw new DomainError('INVALID_BUILDING', 'building must be 1-32 characters of a-z, 0-9 and -');
    const data = { building, name: body.name, units: body.units ?? [] };
    return answer(reply, await this.bus.execute(new SetBuildingCommand(id, data, ctx)));
  }
}
