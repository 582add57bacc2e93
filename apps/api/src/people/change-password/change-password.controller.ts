import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_ERRORS } from '../../auth/auth-errors';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { PersonIdPipe } from '../person-id.pipe';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordDto } from './change-password.dto';
import { PasswordGuessesLocked } from './change-password.handler';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ChangePasswordController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/password')
  @ApiErrors(400, 401, [403, 'not the person or an admin, or the current password is wrong'], 404, 415, [
    429,
    'too many wrong current passwords: see Retry-After',
  ])
  @HttpCode(204)
  @ApiOperation({ summary: 'set a new password (the person with the current one; admin without)' })
  @ApiNoContentResponse({ description: 'changed; the person’s other sessions are signed out' })
  async change(
    @Param('id', PersonIdPipe) id: string,
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: Principal,
    @Req() request: FastifyRequest & { cookies?: Record<string, string | undefined> },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    try {
      await this.bus.execute(new ChangePasswordCommand(id, body, user, request.cookies?.jinlin_session ?? null));
    } catch (error) {
      if (!(error instanceof PasswordGuessesLocked)) throw error;
      void reply.header('retry-after', String(error.retryAfterSeconds));
      throw AUTH_ERRORS.signInLocked(error.retryAfterSeconds);
    }
  }
}
