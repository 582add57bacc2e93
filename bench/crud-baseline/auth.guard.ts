import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { jwtVerify } from 'jose';

export const JWT_SECRET = Symbol('JWT_SECRET');

export type User = Readonly<{ id: string; roles: string[]; communities: string[] }>;
export type AuthedRequest = { headers: Record<string, string | undefined>; user?: User };

/** Bearer JWT, HS256 with the shared secret, checked with jose on every request (as the real guard does on a miss). */
@Injectable()
export class JwtGuard implements CanActivate {
  private readonly key: Promise<CryptoKey>;

  constructor(@Inject(JWT_SECRET) secret: string) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('a Bearer token is required');
    try {
      const { payload } = await jwtVerify(match[1], await this.key, { algorithms: ['HS256'], requiredClaims: ['exp'] });
      const roles = payload.roles;
      if (typeof payload.sub !== 'string' || !Array.isArray(roles) || roles.length === 0) throw new Error('no subject or roles');
      const communities = Array.isArray(payload.communities) ? (payload.communities as string[]) : [];
      request.user = { id: payload.sub, roles: roles as string[], communities };
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    return true;
  }
}

/** A resident files in their own community only; staff roles anywhere (the service's rule, simplified). */
export function mayFile(user: User, communityId: string): void {
  const residentOnly = user.roles.every((r) => r === 'resident');
  if (residentOnly && !user.communities.includes(communityId)) throw new ForbiddenException(`you are not a resident of ${communityId}`);
}
