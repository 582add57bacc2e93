import { isWellFormedSecret, newSecret, sameSecret, secretHash, sessionCookieOptions } from './session-cookie';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, 12 hours long, Secure unless told otherwise', () => {
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/', secure: true, maxAge: 43_200 });
    expect(sessionCookieOptions(false).secure).toBe(false);
  });

  it('when a secret is made, it is 32 random bytes in base64url, and well-formed', () => {
    const a = newSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(isWellFormedSecret(a)).toBe(true);
    expect(newSecret()).not.toBe(a);
  });

  it('when a cookie value is not such a secret, it is not well-formed', () => {
    for (const bad of [undefined, '', 'x', `${newSecret()}=`, newSecret().slice(1), `${newSecret().slice(1)}+`]) {
      expect(isWellFormedSecret(bad)).toBe(false);
    }
  });

  it('stores the sha256 of the secret, never the secret', () => {
    const secret = newSecret();
    expect(secretHash(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(secret)).not.toContain(secret);
  });

  it('when the CSRF header is missing, repeated, shorter or different, it does not match', () => {
    const csrf = newSecret();
    expect(sameSecret(csrf, csrf)).toBe(true);
    expect(sameSecret(undefined, csrf)).toBe(false);
    expect(sameSecret([csrf, csrf], csrf)).toBe(false);
    expect(sameSecret(csrf.slice(1), csrf)).toBe(false);
    expect(sameSecret(newSecret(), csrf)).toBe(false);
  });
});
