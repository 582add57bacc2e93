import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { withoutPersonalData } from '../personal-data/idempotency-without-personal-data';
import { RegisterPersonCommand } from './register-person.command';
import { RegisterPersonDto } from './register-person.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class RegisterPersonController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'register a person (admin: anyone; manager: own company staff; committee/secretary: residents)' })
  @ApiCommand({ status: 201, errors: [404] })
  async register(@Body() body: RegisterPersonDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, roles, communities, companyId } = body;
    const facts = withoutPersonalData(ctx, 'POST', '/people', { id, roles, communities, companyId });
    return answer(reply, await this.bus.execute(new RegisterPersonCommand(body, facts)));
  }
}
