import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toProblem } from './problems';

/**
 * The one client of the service, typed from its own OpenAPI document (openapi.json → schema.d.ts by
 * openapi-typescript at build time): a changed endpoint breaks `npm run build`, not the user.
 *
 * Authentication is the session cookie (HttpOnly, set by POST /auth/sign-in); the CSRF token it comes
 * with lives in memory only (SPEC §2.2: never in localStorage) and goes on every state change.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const csrf: Middleware = {
  onRequest({ request }) {
    if (STATE_CHANGING.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost', credentials: 'same-origin' });
api.use(csrf);

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer's data, or an ApiError carrying the service's problem document (or "offline"). */
export async function call<T>(request: Promise<Answer<T>>): Promise<NonNullable<T>> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (cause) {
    throw new ApiError(0, { status: 0, title: 'offline', detail: String((cause as Error)?.message ?? cause), code: 'OFFLINE' });
  }
  if (!answer.response.ok) {
    const retryAfter = Number(answer.response.headers.get('retry-after'));
    throw new ApiError(
      answer.response.status,
      toProblem(answer.response.status, answer.error),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return answer.data as NonNullable<T>;
}

/** A fresh key per user action: a retried POST (flaky mobile network) files one ticket, not two. */
export const idempotencyKey = (): string => crypto.randomUUID();

/** What every command answers (CommandResultDto): pass `position` as ?minPosition= to read the write. */
export type CommandResult = { id: string; version: number; position: number };
