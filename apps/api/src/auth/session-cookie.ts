import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';

/** SPEC §2.2: the web app's session cookie. */
export const SESSION_COOKIE = 'jinlin_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** What a cookie-authenticated request that changes state must carry: the session's csrfToken. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * HttpOnly keeps the token from page scripts; SameSite=Strict keeps other sites' pages from sending
 * it at all; Secure keeps it off plain HTTP (COOKIE_SECURE=false for a LAN demo without TLS).
 */
export const sessionCookieOptions = (secure: boolean): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  path: '/',
  secure,
  maxAge: SESSION_TTL_MS / 1000,
});

/** 32 random bytes, base64url: the cookie's value and, separately, the CSRF token. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** The database keeps only this: a leaked auth_sessions table opens no session. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Anything else in the cookie cannot name a session: refused without asking the database. */
export const isWellFormedSecret = (value: string | undefined): value is string => value !== undefined && SECRET.test(value);

/** Constant-time comparison for the CSRF header (its length is not a secret). */
export function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
