import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { AUTH_ERRORS } from './auth-errors';
import { CSRF_HEADER, isWellFormedSecret, sameSecret, SESSION_COOKIE, STATE_CHANGING } from './session-cookie';
import { Sessions, type Session } from './sessions';
import { SignedInPeople, principalOf, type SignedInPerson } from './signed-in-person';

export type SignInSession = Session & Readonly<{ person: SignedInPerson }>;
export type SessionRequest = FastifyRequest & { signInSession?: SignInSession };

/**
 * The guard's second way in, for requests without a Bearer token: the jinlin_session cookie. The
 * session and the person are read on every request (two queries), so that a sign-out, an erasure or
 * a role change takes effect at once on every instance.
 */
@Injectable()
export class SessionAuth {
  constructor(
    private readonly sessions: Sessions,
    private readonly people: SignedInPeople,
  ) {}

  /** null: no session cookie. A cookie that opens no session is a 401; a change without the CSRF header a 403. */
  async authenticate(request: FastifyRequest): Promise<{ principal: Principal; session: SignInSession } | null> {
    const header = request.headers.cookie;
    if (!header) return null;
    // @fastify/cookie parses nothing by itself here (hook: false); handlers that read request.cookies
    // (POST /people/:id/password keeps the caller's own session) find what was parsed for the guard.
    request.cookies = request.server.parseCookie(header);
    const secret = request.cookies[SESSION_COOKIE];
    if (secret === undefined) return null;
    const active = isWellFormedSecret(secret) ? await this.sessions.active(secret, new Date()) : null;
    const person = active && (await this.people.find(active.personId, active.name));
    if (!active || !person) throw AUTH_ERRORS.sessionEnded();
    if (STATE_CHANGING.has(request.method) && !sameSecret(request.headers[CSRF_HEADER], active.csrfToken)) {
      throw AUTH_ERRORS.csrfTokenRequired();
    }
    return { principal: principalOf(person), session: { ...active, person } };
  }
}
