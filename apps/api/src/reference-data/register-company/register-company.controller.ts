import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { RegisterCompanyCommand } from './register-company.command';
import { RegisterCompanyDto } from './register-company.dto';
import { ApiCommand } from '../../http/api-docs';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('companies')
export class RegisterCompanyController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCommand({ status: 201 })
  async register(@Body() body: RegisterCompanyDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new RegisterCompanyCommand(body.id, body.name, ctx)));
  }
}
