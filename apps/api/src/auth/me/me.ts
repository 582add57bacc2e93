import { Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { Principal } from '@jinlin/domain';
import { PeopleDirectory } from '../../people/people-directory';
import type { SignInSession } from '../session-auth';
import { sessionDto, type SessionDto } from '../session.dto';

/** GET /auth/me: the session's person; for a Bearer caller, the token's, with the token's expiry and no CSRF token (none is needed). */
@Injectable()
export class Me {
  constructor(private readonly directory: PeopleDirectory) {}

  async describe(user: Principal, session: SignInSession | null, bearerToken: string | null): Promise<SessionDto> {
    if (session) return sessionDto(session.person, session.expiresAt, session.csrfToken);
    // The guard verified the token already; only its exp is read here (required, so always present).
    const exp = bearerToken ? decodeJwt(bearerToken).exp : undefined;
    const person = {
      id: user.id,
      name: (await this.directory.name(user.id)) ?? user.name ?? null,
      roles: [...user.roles],
      communities: [...user.communities],
      companyId: user.companyId ?? null,
    };
    return sessionDto(person, new Date((exp ?? 0) * 1000), null);
  }
}
