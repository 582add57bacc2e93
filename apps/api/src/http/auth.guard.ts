import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type Role } from '@jinlin/domain';
import type { SessionAuth, SessionRequest } from '../auth/session-auth';
import { VerifiedTokens } from './verified-tokens';

export const IS_PUBLIC = 'jinlin:public';
/** No token needed: health, metrics, service discovery, static pages. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
export const OWN_CREDENTIALS = 'jinlin:own-credentials';
/** The route checks its own credentials (e.g. /metrics and METRICS_TOKEN): the guard reads none. */
export const OwnCredentials = () => SetMetadata(OWN_CREDENTIALS, true);

/** Open311 clients that cannot set headers carry the token as api_key; nobody else may (a URL ends up in logs and histories). */
const API_KEY_PATHS = /^\/open311(\/|$)/;

export const AUTH_KEYS = Symbol('AUTH_KEYS');
export type AuthKeys = Readonly<{ secret: Uint8Array | null; jwks: JWTVerifyGetKey | null }>;

export function authKeys(secret: string | null, jwksUrl: string | null): AuthKeys {
  return {
    secret: secret ? new TextEncoder().encode(secret) : null,
    jwks: jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : null,
  };
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();
  private hmacKey: Promise<CryptoKey> | null = null;

  /** Without `sessions`, only Bearer tokens are accepted. */
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: AuthKeys,
    private readonly sessions: SessionAuth | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_CREDENTIALS, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const request = context
      .switchToHttp()
      .getRequest<SessionRequest & { query?: Record<string, unknown>; body?: unknown; user?: Principal }>();
    const token = bearer(request.headers.authorization) ?? (API_KEY_PATHS.test(request.url) ? apiKey(request.query, request.body) : null);
    if (!token) {
      if (isPublic) return true;
      return this.signedIn(request);
    }
    request.user = await this.verify(token);
    return true;
  }

  /**
   * The web app's way in (SPEC §2.2): no Authorization header, a jinlin_session cookie. Only reached
   * without a token, so a Bearer request costs nothing more, and Bearer wins when both are sent.
   */
  private async signedIn(request: SessionRequest & { user?: Principal }): Promise<boolean> {
    const found = this.sessions ? await this.sessions.authenticate(request) : null;
    if (!found) throw new UnauthorizedException('a Bearer token or a session cookie is required');
    request.user = found.principal;
    request.signInSession = found.session;
    return true;
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    let payload: JWTPayload;
    try {
      payload = this.keys.jwks
        ? (await jwtVerify(token, this.keys.jwks, { algorithms: ['RS256'], requiredClaims: ['exp'] })).payload
        : (await jwtVerify(token, await this.secretKey(), { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload;
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    const principal = toPrincipal(payload);
    this.verified.remember(token, principal, payload, Date.now());
    return principal;
  }

  /** Imported once: jose would otherwise import the raw secret on every verification. */
  private secretKey(): Promise<CryptoKey> {
    this.hmacKey ??= crypto.subtle.importKey('raw', new Uint8Array(this.keys.secret!), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    return this.hmacKey;
  }
}

export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedException('Authorization must be "Bearer <token>"');
  return match[1];
}

/** Open311 clients may carry the token as api_key: in the query string, or in a POST's form or JSON body. */
function apiKey(query: Record<string, unknown> | undefined, body: unknown): string | null {
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
  const key = query?.api_key ?? fromBody;
  return typeof key === 'string' && key.length > 0 ? key : null;
}

export function toPrincipal(payload: JWTPayload): Principal {
  const { sub, name, roles, communities, companyId } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw new UnauthorizedException('token has no subject');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => ROLES.includes(r as Role))) {
    throw new UnauthorizedException(`token roles must be a non-empty array of ${ROLES.join(', ')}`);
  }
  if (communities !== undefined && (!Array.isArray(communities) || !communities.every((c) => typeof c === 'string'))) {
    throw new UnauthorizedException('token communities must be an array of ids');
  }
  if (companyId !== undefined && typeof companyId !== 'string') throw new UnauthorizedException('token companyId must be a string');
  return {
    id: sub,
    name: typeof name === 'string' ? name : undefined,
    roles: roles as Role[],
    communities: (communities as string[] | undefined) ?? [],
    companyId: companyId as string | undefined,
  };
}
