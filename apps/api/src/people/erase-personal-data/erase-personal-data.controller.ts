import { Controller, Delete, HttpCode, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { PersonIdPipe } from '../person-id.pipe';
import { ErasePersonalDataCommand } from './erase-personal-data.command';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ErasePersonalDataController {
  constructor(private readonly bus: CommandBus) {}

  @Delete(':id/personal-data')
  @HttpCode(200)
  @ApiOperation({ summary: 'PIPL deletion: erase name, phone, username and password hash (the person, admin); sign-in stops' })
  @ApiCommand({ errors: [404] })
  async erase(@Param('id', PersonIdPipe) id: string, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new ErasePersonalDataCommand(id, ctx)));
  }
}
