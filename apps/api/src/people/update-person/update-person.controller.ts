import { Body, Controller, HttpCode, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { withoutPersonalData } from '../personal-data/idempotency-without-personal-data';
import { PersonIdPipe } from '../person-id.pipe';
import { UpdatePersonCommand } from './update-person.command';
import { UpdatePersonDto } from './update-person.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class UpdatePersonController {
  constructor(private readonly bus: CommandBus) {}

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'change name, phone (the person or who may register them), roles, communities (who may register them)' })
  @ApiCommand({ errors: [404] })
  async update(
    @Param('id', PersonIdPipe) id: string,
    @Body() body: UpdatePersonDto,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const facts = { roles: body.roles, communities: body.communities, profile: Object.keys(body).sort() };
    return answer(
      reply,
      await this.bus.execute(new UpdatePersonCommand(id, body, withoutPersonalData(ctx, 'PATCH', `/people/${id}`, facts))),
    );
  }
}
