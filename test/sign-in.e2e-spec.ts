import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { http, startTestApp, type Reply, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

// SPEC §2.2: the web app signs in with a username and password and then carries the jinlin_session cookie.
const PASSWORD = 'lantern by the west gate';
const ONE_MESSAGE = 'wrong username or password';

type Person = { id: string; name: string; roles: string[]; communities: string[]; companyId?: string; username: string };
const WANG: Person = { id: 'wang-ayi', name: '王阿姨', roles: ['resident'], communities: ['qianpu'], username: 'WangAyi' };
const LIN: Person = { id: 'lin-jl', name: '林经理', roles: ['manager'], communities: [], companyId: 'jiayuan', username: 'lin.jingli' };
const ZHAO: Person = { id: 'zhao-s', name: '赵师傅', roles: ['resident'], communities: ['qianpu'], username: 'zhao' };
const QIAN: Person = { id: 'qian-s', name: '钱阿姨', roles: ['resident'], communities: ['qianpu'], username: 'qian' };
const ZHOU: Person = { id: 'zhou-s', name: '周叔', roles: ['resident'], communities: ['qianpu'], username: 'zhou' };
const SUN: Person = { id: 'sun-s', name: '孙阿姨', roles: ['resident'], communities: ['qianpu'], username: 'sun' };
const WU: Person = { id: 'wu-s', name: '吴老师', roles: ['resident'], communities: ['qianpu'], username: 'wu.laoshi' };

async function register(t: TestApp, tokens: Tokens, p: Person): Promise<void> {
  const { username, ...person } = p;
  const r = await http(t.url, 'POST', '/people', { token: tokens.admin, body: { ...person, username, password: PASSWORD } });
  if (r.status !== 201) throw new Error(`registering ${p.id}: ${r.status} ${r.text}`);
}

const signIn = (t: TestApp, username: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  http(t.url, 'POST', '/auth/sign-in', { body: { username, password }, headers });

const setCookieOf = (r: Reply): string => {
  const cookies = r.headers.getSetCookie().filter((c) => c.startsWith('jinlin_session='));
  expect(cookies).toHaveLength(1);
  return cookies[0];
};
/** What a browser sends back: name=value. */
const cookieOf = (r: Reply) => setCookieOf(r).split(';')[0];
const attributesOf = (r: Reply) =>
  setCookieOf(r)
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

async function signedIn(t: TestApp, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await signIn(t, username);
  expect(r.status).toBe(200);
  return { cookie: cookieOf(r), csrf: r.body.csrfToken };
}

let t: TestApp;
let tokens: Tokens;
beforeAll(async () => {
  // The per-IP limit is tested on a service of its own below; here every request comes from 127.0.0.1.
  t = await startTestApp('sign_in', { SIGN_IN_RATE_LIMIT: '10000' });
  tokens = await tokensFor(t);
  await seedWorld(t, tokens);
  for (const p of [WANG, LIN, ZHAO, QIAN, ZHOU, SUN, WU]) await register(t, tokens, p);
});
afterAll(() => t.close());

describe('signing in', () => {
  it('when the password is right, the answer is the person from the directory, the expiry and a CSRF token', async () => {
    const before = Date.now();
    const r = await signIn(t, LIN.username);
    expect(r.status).toBe(200);
    expect(r.body.person).toEqual({ id: LIN.id, name: LIN.name, roles: ['manager'], communities: [], companyId: 'jiayuan' });
    const expiresAt = Date.parse(r.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 12 * 3600_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 12 * 3600_000 + 1000);
    expect(r.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('when signed in, the cookie is HttpOnly, SameSite=Strict, Path=/, Secure and lasts 12 hours', async () => {
    const r = await signIn(t, WANG.username);
    const attributes = attributesOf(r);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', 'secure', 'max-age=43200']));
    const value = cookieOf(r).slice('jinlin_session='.length);
    expect(Buffer.from(value, 'base64url')).toHaveLength(32);
    expect(value).not.toBe(r.body.csrfToken);
  });

  it('when a session is opened, the database holds the sha256 of the cookie, never the cookie itself', async () => {
    const value = cookieOf(await signIn(t, WANG.username)).slice('jinlin_session='.length);
    const sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    try {
      const hash = createHash('sha256').update(value).digest('hex');
      expect((await sql.query(`SELECT person_id FROM auth_sessions WHERE id_hash = $1`, [hash])).rows).toEqual([{ person_id: WANG.id }]);
      expect((await sql.query(`SELECT count(*)::int AS n FROM auth_sessions WHERE id_hash = $1`, [value])).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('when the username is typed in another case, it is the same username', async () => {
    expect((await signIn(t, 'wangayi')).status).toBe(200);
    expect((await signIn(t, 'WANGAYI')).body.person.id).toBe(WANG.id);
  });

  it('when the username or the password is wrong, the answer is 401 with one message for both, and no cookie', async () => {
    const wrongPassword = await signIn(t, WANG.username, 'not the password at all');
    const wrongUsername = await signIn(t, 'nobody-here', PASSWORD);
    for (const r of [wrongPassword, wrongUsername]) {
      expect(r.status).toBe(401);
      expect(r.body.detail).toBe(ONE_MESSAGE);
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    expect(wrongPassword.text).toBe(wrongUsername.text);
  });

  it.each([
    ['an empty username', { username: '', password: PASSWORD }],
    ['a username of 65 characters', { username: 'u'.repeat(65), password: PASSWORD }],
    ['a password of 201 characters', { username: 'zhou', password: 'p'.repeat(201) }],
    ['no password', { username: 'zhou' }],
    ['a field too many', { username: 'zhou', password: PASSWORD, remember: true }],
  ])('when the body has %s, the answer is 400', async (_, body) => {
    expect((await http(t.url, 'POST', '/auth/sign-in', { body })).status).toBe(400);
  });
});

describe('the session cookie', () => {
  it('when GET /auth/me comes with the cookie, it answers the person, the expiry and the CSRF token of the sign-in', async () => {
    const r = await signIn(t, WANG.username);
    const me = await http(t.url, 'GET', '/auth/me', { headers: { cookie: cookieOf(r) } });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(r.body);
    expect(me.body.person).toEqual({ id: WANG.id, name: WANG.name, roles: ['resident'], communities: ['qianpu'], companyId: null });
  });

  it('when a POST comes with the cookie but without X-CSRF-Token, it is refused with 403 naming the header', async () => {
    const { cookie } = await signedIn(t, WANG.username);
    const r = await http(t.url, 'POST', '/tickets', { headers: { cookie }, body: ticketBody() });
    expect(r.status).toBe(403);
    expect(r.body.detail).toContain('X-CSRF-Token');
    expect(r.body.code).toBe('CSRF_TOKEN_REQUIRED');
  });

  it("when a POST comes with the cookie and another session's CSRF token, it is refused with 403", async () => {
    const { cookie } = await signedIn(t, WANG.username);
    const other = await signedIn(t, WANG.username);
    const r = await http(t.url, 'POST', '/tickets', { headers: { cookie, 'x-csrf-token': other.csrf }, body: ticketBody() });
    expect(r.status).toBe(403);
  });

  it.each([
    ['PUT', '/communities/qianpu/sla-policies/elevator'],
    ['PATCH', `/people/${WANG.id}`],
    ['DELETE', `/people/${WANG.id}/personal-data`],
  ])('when a %s comes with the cookie and no CSRF token, it is refused with 403 before anything else', async (method, path) => {
    const { cookie } = await signedIn(t, WANG.username);
    const r = await http(t.url, method, path, { headers: { cookie }, body: {} });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CSRF_TOKEN_REQUIRED');
  });

  it('when a POST comes with the cookie and its CSRF token, it acts as the signed-in person', async () => {
    const { cookie, csrf } = await signedIn(t, WANG.username);
    const filed = await http(t.url, 'POST', '/tickets', { headers: { cookie, 'x-csrf-token': csrf }, body: ticketBody() });
    expect(filed.status).toBe(201);
    const ticket = await http(t.url, 'GET', `/tickets/${filed.body.id}?minPosition=${filed.body.position}`, { headers: { cookie } });
    expect(ticket.status).toBe(200);
    expect(ticket.body.reporterId).toBe(WANG.id);
  });

  it('when a POST comes with a Bearer token, no CSRF token is needed', async () => {
    expect((await http(t.url, 'POST', '/tickets', { token: tokens.residentA, body: ticketBody() })).status).toBe(201);
  });

  it('when both a Bearer token and the cookie come, the Bearer token decides', async () => {
    const { cookie } = await signedIn(t, WANG.username);
    const r = await http(t.url, 'POST', '/auth/whoami', { token: tokens.manager, headers: { cookie } });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('mgr-1');
  });

  it('when signing in while already holding a cookie, no CSRF token is needed', async () => {
    const { cookie } = await signedIn(t, WANG.username);
    expect((await signIn(t, WANG.username, PASSWORD, { cookie })).status).toBe(200);
  });

  it.each([
    ['not a session token', 'jinlin_session=hello'],
    ['a well-formed token no session has', `jinlin_session=${Buffer.alloc(32, 7).toString('base64url')}`],
  ])('when the cookie holds %s, the answer is 401', async (_, cookie) => {
    const r = await http(t.url, 'GET', '/auth/me', { headers: { cookie } });
    expect(r.status).toBe(401);
  });

  it('when no credential comes at all, the answer is 401', async () => {
    expect((await http(t.url, 'GET', '/auth/me')).status).toBe(401);
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie: 'theme=dark' } })).status).toBe(401);
  });

  it('when GET /auth/me comes with a Bearer token, it answers the token: its person, its expiry and no CSRF token', async () => {
    const token = await t.token({ sub: 'res-q', roles: ['resident'], communities: ['qianpu'], name: '路人' });
    const [, payload] = token.split('.');
    const exp = JSON.parse(Buffer.from(payload, 'base64url').toString()).exp as number;
    const me = await http(t.url, 'GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      person: { id: 'res-q', name: '路人', roles: ['resident'], communities: ['qianpu'], companyId: null },
      expiresAt: new Date(exp * 1000).toISOString(),
      csrfToken: null,
    });
  });
});

describe('signing out', () => {
  it('when signing out without the CSRF token, it is refused and the session goes on', async () => {
    const { cookie } = await signedIn(t, WANG.username);
    expect((await http(t.url, 'POST', '/auth/sign-out', { headers: { cookie } })).status).toBe(403);
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('when signed out, the cookie is cleared and refused afterwards, even when replayed', async () => {
    const { cookie, csrf } = await signedIn(t, WANG.username);
    const out = await http(t.url, 'POST', '/auth/sign-out', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(setCookieOf(out)).toMatch(/^jinlin_session=;/);
    expect(attributesOf(out)).toContain('max-age=0');
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie } })).status).toBe(401);
    const replayed = await http(t.url, 'POST', '/tickets', { headers: { cookie, 'x-csrf-token': csrf }, body: ticketBody() });
    expect(replayed.status).toBe(401);
  });
});

describe('changing the password with the session cookie', () => {
  it('when a person changes their own password, this session goes on, their other sessions end, and the new password signs in', async () => {
    const here = await signedIn(t, WU.username);
    const elsewhere = await signedIn(t, WU.username);
    const changed = await http(t.url, 'POST', `/people/${WU.id}/password`, {
      headers: { cookie: here.cookie, 'x-csrf-token': here.csrf },
      body: { current: PASSWORD, new: 'a different long passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie: here.cookie } })).status).toBe(200);
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await signIn(t, WU.username)).status).toBe(401);
    expect((await signIn(t, WU.username, 'a different long passphrase')).status).toBe(200);
  });
});

describe('the lockout', () => {
  const failFiveTimes = async (username: string) => {
    for (let i = 0; i < 5; i++) expect((await signIn(t, username, `wrong guess ${i}`)).status).toBe(401);
  };

  it('when five sign-ins for a username have failed, the sixth is 429 with Retry-After even with the right password', async () => {
    await failFiveTimes(ZHAO.username);
    const r = await signIn(t, ZHAO.username);
    expect(r.status).toBe(429);
    const retryAfter = Number(r.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(r.headers.getSetCookie()).toEqual([]);
    // The username is one username whatever its case.
    expect((await signIn(t, ZHAO.username.toUpperCase())).status).toBe(429);
  });

  it('when one username is locked, another signs in as usual', async () => {
    expect((await signIn(t, QIAN.username)).status).toBe(200);
  });

  it('when a sign-in succeeds, the failures before it are forgiven', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn(t, ZHOU.username, 'wrong')).status).toBe(401);
    expect((await signIn(t, ZHOU.username)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(t, ZHOU.username, 'wrong')).status).toBe(401);
    expect((await signIn(t, ZHOU.username)).status).toBe(200);
  });

  it('when the username does not exist, it is locked the same way: a lockout tells nothing about who exists', async () => {
    await failFiveTimes('no-such-person');
    expect((await signIn(t, 'no-such-person')).status).toBe(429);
  });
});

describe('erased personal data', () => {
  it('when a person’s personal data is erased, they cannot sign in and their open session ends', async () => {
    const { cookie } = await signedIn(t, SUN.username);
    const erased = await http(t.url, 'DELETE', `/people/${SUN.id}/personal-data`, { token: tokens.admin });
    expect([200, 204]).toContain(erased.status);
    const r = await signIn(t, SUN.username);
    expect(r.status).toBe(401);
    expect(r.body.detail).toBe(ONE_MESSAGE);
    expect((await http(t.url, 'GET', '/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('a service with COOKIE_SECURE=false', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp('sign_in_plain', { COOKIE_SECURE: 'false' });
    const plainTokens = await tokensFor(plain);
    await seedWorld(plain, plainTokens);
    await register(plain, plainTokens, WANG);
  });
  afterAll(() => plain.close());

  it('when signed in, the cookie has no Secure attribute and keeps the others', async () => {
    const r = await signIn(plain, WANG.username);
    expect(r.status).toBe(200);
    const attributes = attributesOf(r);
    expect(attributes).not.toContain('secure');
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', 'max-age=43200']));
  });
});

describe('the per-IP limit on sign-in', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp('sign_in_limited', { SIGN_IN_RATE_LIMIT: '3' });
  });
  afterAll(() => limited.close());

  it('when one address tries more than SIGN_IN_RATE_LIMIT sign-ins in a minute, over many usernames, the rest are 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(limited, `sprayed-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const r = await signIn(limited, 'sprayed-9');
    expect(r.status).toBe(429);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.code).toBe('SIGN_IN_RATE_LIMITED');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('when the address is over the sign-in limit, other routes are not limited', async () => {
    const token = await limited.token({ sub: 'res-a', roles: ['resident'], communities: ['qianpu'] });
    for (let i = 0; i < 5; i++) expect((await http(limited.url, 'POST', '/auth/whoami', { token })).status).toBe(200);
  });
});
