import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { Public } from '../../http/auth.guard';
import { AUTH_ERRORS } from '../auth-errors';
import { SESSION_COOKIE, sessionCookieOptions } from '../session-cookie';
import { SessionDto, sessionDto } from '../session.dto';
import { SignIn } from './sign-in';
import { SignInDto } from './sign-in.dto';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('auth')
@Controller('auth/sign-in')
export class SignInController {
  constructor(
    private readonly signIn: SignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the jinlin_session cookie (12 h). Per client IP, at most SIGN_IN_RATE_LIMIT attempts a minute. */
  @Post()
  @ApiErrors(400, [401, 'wrong username or password (one message for both)'], 415, [
    429,
    '5 failures for the username in 15 minutes, or too many attempts from the address; see Retry-After',
  ])
  @Public()
  @HttpCode(200)
  // The rate-limit plugin's own settings (bootstrap) are the sign-in limit: this is its only route.
  @RouteConfig({ rateLimit: {} })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'wrong username or password (one message for both)' })
  @ApiTooManyRequestsResponse({
    description: '5 failures for the username in 15 minutes, or too many attempts from the address; see Retry-After',
  })
  async create(@Body() body: SignInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const outcome = await this.signIn.attempt(body.username, body.password);
    if (outcome.kind === 'refused') throw AUTH_ERRORS.signInRefused();
    if (outcome.kind === 'locked') {
      void reply.header('retry-after', String(outcome.retryAfterSeconds));
      throw AUTH_ERRORS.signInLocked(outcome.retryAfterSeconds);
    }
    void reply.setCookie(SESSION_COOKIE, outcome.secret, sessionCookieOptions(this.config.cookieSecure));
    return sessionDto(outcome.person, outcome.session.expiresAt, outcome.session.csrfToken);
  }
}
