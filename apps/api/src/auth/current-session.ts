import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionRequest, SignInSession } from './session-auth';

/** The sign-in session the guard found for this request; null when it came with a Bearer token. */
export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignInSession | null =>
    context.switchToHttp().getRequest<SessionRequest>().signInSession ?? null,
);
