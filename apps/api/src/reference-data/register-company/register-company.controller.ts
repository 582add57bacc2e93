import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { RegisterCompanyCommand } from './register-company.command';
import { RegisterCompanyDto } from './register-company.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('companies')
export class RegisterCompanyController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(@Body() body: RegisterCompanyDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.bus.execute(new RegisterCompanyCommand(body.id, body.name, ctx)));
  }
}
