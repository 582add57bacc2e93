import type { Principal } from '@jinlin/domain';
import { VerifiedTokens } from './verified-tokens';

const alice: Principal = { id: 'alice', roles: ['resident'], communities: ['qianpu'] };
const t0 = 1_800_000_000_000;

describe('VerifiedTokens', () => {
  it('given a remembered token, when asked before it expires, then it answers the principal', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', alice, { exp: t0 / 1000 + 10 }, t0);
    expect(tokens.get('t', t0 + 9_999)).toEqual(alice);
  });

  it('given a token that expires, when asked at or after exp, then it is forgotten', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', alice, { exp: t0 / 1000 + 10 }, t0);
    expect(tokens.get('t', t0 + 10_000)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('given a token without exp, when asked after the maximum age, then it must be verified again', () => {
    const tokens = new VerifiedTokens(10, 1_000);
    tokens.remember('t', alice, {}, t0);
    expect(tokens.get('t', t0 + 999)).toEqual(alice);
    expect(tokens.get('t', t0 + 1_000)).toBeNull();
  });

  it('given a token not valid before nbf, when asked earlier, then it is not answered', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', alice, { nbf: t0 / 1000 + 5 }, t0);
    expect(tokens.get('t', t0 + 4_000)).toBeNull();
    expect(tokens.get('t', t0 + 5_000)).toEqual(alice);
  });

  it('given a full cache, when another token is remembered, then the oldest goes and the size stays bounded', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('a', alice, {}, t0);
    tokens.remember('b', alice, {}, t0);
    tokens.remember('c', alice, {}, t0);
    expect(tokens.size).toBe(2);
    expect(tokens.get('a', t0)).toBeNull();
    expect(tokens.get('c', t0)).toEqual(alice);
  });

  it('given an unknown token, then nothing is answered', () => {
    expect(new VerifiedTokens().get('nope', t0)).toBeNull();
  });
});
