import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { companyDecider, companyStream } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { CommandResultDto } from '../../commands/command-result.dto';
import { DecideCommand } from '../../commands/decide.command';
import { RegisterCompanyDto } from './register-company.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('companies')
export class RegisterCompanyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(@Body() body: RegisterCompanyDto, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const command = {
      type: 'RegisterCompany' as const,
      data: { companyId: body.id, name: body.name },
      metadata: { actor: ctx.actor, now: ctx.now },
    };
    const result = await this.commands.execute(
      new DecideCommand({
        id: body.id,
        streamId: companyStream(body.id),
        evolver: companyDecider,
        ctx,
        decide: (s) => companyDecider.decide(command, s),
      }),
    );
    return answer(reply, result);
  }
}
