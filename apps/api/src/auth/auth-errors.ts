import { ForbiddenException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

/**
 * The refusals of sign-in and of session-authenticated requests, each declared once with its code.
 * They are HTTP-level answers (no domain rule is involved), so they are Nest exceptions, which the
 * problem filter turns into application/problem+json like any other.
 */
export const AUTH_ERRORS = {
  /** One message whether the username or the password was wrong: the answer must not tell which usernames exist. */
  signInRefused: () => new UnauthorizedException({ message: 'wrong username or password', code: 'SIGN_IN_REFUSED' }),
  signInLocked: (seconds: number) =>
    new HttpException(
      { message: `too many failed sign-ins for this username: try again in ${seconds} s`, code: 'SIGN_IN_LOCKED' },
      HttpStatus.TOO_MANY_REQUESTS,
    ),
  signInRateLimited: (after: string) =>
    Object.assign(new Error(`too many sign-in attempts from this address: try again in ${after}`), {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      code: 'SIGN_IN_RATE_LIMITED',
    }),
  sessionEnded: () => new UnauthorizedException({ message: 'the session has ended or is not valid: sign in again', code: 'SESSION_ENDED' }),
  csrfTokenRequired: () =>
    new ForbiddenException({
      message: "a request that changes state with the session cookie must carry X-CSRF-Token with the session's csrfToken",
      code: 'CSRF_TOKEN_REQUIRED',
    }),
} as const;
