import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SignJWT } from 'jose';
import type { AppConfig } from '../config/app-config';

export type JwtSetup = Readonly<{ secret: string | null; jwksUrl: string | null; localOnly: boolean }>;

/**
 * In embedded (local) mode with no JWT_SECRET, a secret is made once and kept under the data
 * folder so demo tokens stay valid across restarts. Never used when a real database is configured.
 */
export function resolveJwt(config: AppConfig): JwtSetup {
  if (config.jwt.secret || config.jwt.jwksUrl) return { ...config.jwt, localOnly: false };
  const file = resolve(dirname(resolve(config.embedded.dataDir)), 'jwt-secret.local');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return { secret: readFileSync(file, 'utf8').trim(), jwksUrl: null, localOnly: true };
}

export type TokenClaims = Readonly<{ sub: string; name?: string; roles: string[]; communities?: string[]; companyId?: string }>;

export function signToken(secret: string, claims: TokenClaims, expiresIn = '30d'): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
