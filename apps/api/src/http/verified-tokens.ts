import type { Principal } from '@jinlin/domain';

type Entry = Readonly<{ principal: Principal; validFromMs: number; validUntilMs: number }>;

/**
 * Tokens whose signature and claims were already checked, so a client that sends the same token
 * on every request pays for the HMAC once. An entry is only as good as the token: it is not used
 * before `nbf` or from `exp` on, and never longer than `maxAgeMs` (a rotated JWKS key is then
 * noticed within that time). When full, the oldest entries go first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(token: string, nowMs: number): Principal | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (nowMs < entry.validFromMs || nowMs >= entry.validUntilMs) {
      if (nowMs >= entry.validUntilMs) this.entries.delete(token);
      return null;
    }
    return entry.principal;
  }

  remember(token: string, principal: Principal, claims: Readonly<{ exp?: number; nbf?: number }>, nowMs: number): void {
    const validUntilMs = Math.min(nowMs + this.maxAgeMs, claims.exp !== undefined ? claims.exp * 1000 : Infinity);
    const validFromMs = claims.nbf !== undefined ? claims.nbf * 1000 : -Infinity;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    // Shared by every request that brings this token: nobody may change it.
    const frozen = Object.freeze({
      ...principal,
      roles: Object.freeze([...principal.roles]),
      communities: Object.freeze([...principal.communities]),
    });
    this.entries.set(token, { principal: frozen, validFromMs, validUntilMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
