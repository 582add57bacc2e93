import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { CurrentSession } from '../current-session';
import type { SignInSession } from '../session-auth';
import { SESSION_COOKIE, sessionCookieOptions } from '../session-cookie';
import { Sessions } from '../sessions';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('auth')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('auth/sign-out')
export class SignOutController {
  constructor(
    private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Ends the session on the server (its cookie is refused afterwards, replayed or not) and clears the
   * cookie. Needs X-CSRF-Token like any change. A Bearer caller has no session: nothing to end.
   */
  @Post()
  @ApiErrors(400, 401, [403, 'signed in by cookie without X-CSRF-Token'])
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'signed out' })
  async signOut(@CurrentSession() session: SignInSession | null, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (session) await this.sessions.revoke(session.idHash, new Date());
    const { maxAge: _, ...options } = sessionCookieOptions(this.config.cookieSecure);
    void reply.clearCookie(SESSION_COOKIE, options);
  }
}
