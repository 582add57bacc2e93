import { Controller, Get, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { bearer } from '../../http/auth.guard';
import { CurrentUser } from '../../http/current-user.decorator';
import { CurrentSession } from '../current-session';
import type { SignInSession } from '../session-auth';
import { SessionDto } from '../session.dto';
import { Me } from './me';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('auth')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('auth/me')
export class MeController {
  constructor(private readonly me: Me) {}

  /** Who is signed in, until when, and the CSRF token the web app sends back with each change. */
  @Get()
  @ApiErrors(400, [401, 'not signed in, or the session has ended'])
  @ApiOkResponse({ type: SessionDto })
  // The header is read only to describe a Bearer caller; the web app is known by its session cookie.
  @ApiHeader({ name: 'authorization', required: false, description: 'Bearer <JWT>, when not signed in with the session cookie' })
  describe(
    @CurrentUser() user: Principal,
    @CurrentSession() session: SignInSession | null,
    @Headers('authorization') authorization?: string,
  ): Promise<SessionDto> {
    return this.me.describe(user, session, session ? null : bearer(authorization));
  }
}
