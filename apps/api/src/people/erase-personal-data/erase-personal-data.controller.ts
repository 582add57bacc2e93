import { Controller, Delete, HttpCode, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { PersonIdPipe } from '../person-id.pipe';
import { ErasePersonalDataCommand } from './erase-personal-data.command';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ErasePersonalDataController {
  constructor(private readonly bus: CommandBus) {}

  @Delete(':id/personal-data')
  @HttpCode(200)
  @ApiOperation({ summary: 'PIPL deletion: erase name, phone, username and password hash (the person, admin); sign-in stops' })
  @ApiOkResponse({ type: CommandResultDto })
  async erase(@Param('id', PersonIdPipe) id: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new ErasePersonalDataCommand(id, ctx)));
  }
}
