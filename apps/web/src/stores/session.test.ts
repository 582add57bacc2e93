import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/views';
import { ApiError } from '../api/problems';
import { described, freshPinia, json, problem } from '../test-support';
import { homeOf, useSession } from './session';

// The service is the boundary: openapi-fetch takes globalThis.fetch when api/client.ts is first
// imported, so the stand-in goes in before the imports run.
const service = vi.hoisted(() => {
  const fetch = vi.fn<typeof globalThis.fetch>();
  globalThis.fetch = fetch;
  return fetch;
});
const asked = () => service.mock.calls.map(([input, init]) => described(input, init));
/** The n-th request the client sent, as the service received it. */
const request = (n: number) => service.mock.calls[n][0] as Request;

const xiaochen: Session = {
  person: { id: 'p-xiaochen', name: '小陈', roles: ['staff'], communities: ['qianpu'], companyId: 'lvyuan' },
  expiresAt: '2025-03-10T12:00:00.000Z',
  csrfToken: 'csrf-of-xiaochen',
};

beforeEach(() => {
  service.mockReset();
  freshPinia();
});

describe('session store', () => {
  it('adopts the person GET /auth/me answers with, and sends its CSRF token on the next change', async () => {
    service.mockResolvedValueOnce(json(xiaochen)).mockResolvedValueOnce(new Response(null, { status: 204 }));
    const session = useSession();
    expect(session.checked).toBe(false);

    expect(await session.load()).toEqual(xiaochen.person);
    expect(asked()).toEqual(['GET /auth/me']);
    expect(session.person).toEqual(xiaochen.person);
    expect(session.expiresAt).toBe(xiaochen.expiresAt);
    expect(session.checked).toBe(true);
    expect(session.roles).toEqual(['staff']);
    expect(session.has('staff', 'manager')).toBe(true);
    expect(session.has('manager')).toBe(false);

    await session.signOut();
    expect(asked()[1]).toBe('POST /auth/sign-out');
    expect(request(1).headers.get('x-csrf-token')).toBe('csrf-of-xiaochen');
  });

  it('takes a 401 from GET /auth/me as signed out, without throwing', async () => {
    service.mockResolvedValueOnce(problem(401, 'UNAUTHENTICATED'));
    const session = useSession();
    await expect(session.load()).resolves.toBeNull();
    expect(session.person).toBeNull();
    expect(session.roles).toEqual([]);
    expect(session.checked).toBe(true);
  });

  it('does not take a failing service for signed out: the caller sees the error', async () => {
    service.mockResolvedValueOnce(problem(503, 'UNAVAILABLE'));
    const session = useSession();
    const failure = await session.load().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 503 });
    expect(session.checked).toBe(true);
  });

  it('signs in with the username and password, and out again, forgetting the person and the token', async () => {
    service
      .mockResolvedValueOnce(json(xiaochen))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(problem(401, 'UNAUTHENTICATED'));
    const session = useSession();

    expect(await session.signIn('xiaochen', 'secret')).toEqual(xiaochen.person);
    expect(asked()[0]).toBe('POST /auth/sign-in');
    expect(await request(0).json()).toEqual({ username: 'xiaochen', password: 'secret' });
    expect(session.checked).toBe(true);

    await session.signOut();
    expect(session.person).toBeNull();
    expect(session.expiresAt).toBeNull();
    expect(session.has('staff')).toBe(false);

    // The token went with the session: a later change carries none.
    await session.signOut().catch(() => null);
    expect(request(1).headers.get('x-csrf-token')).toBe('csrf-of-xiaochen');
    expect(request(2).headers.get('x-csrf-token')).toBeNull();
  });

  it('forgets the person even when the sign-out request fails (offline), and says so', async () => {
    service.mockResolvedValueOnce(json(xiaochen)).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const session = useSession();
    await session.load();

    await expect(session.signOut()).rejects.toMatchObject({ status: 0, problem: { code: 'OFFLINE' } });
    expect(session.person).toBeNull();
  });
});

describe('homeOf', () => {
  it.each([
    [['resident'], '/m'],
    [['staff'], '/console/queue'],
    [['manager'], '/console/queue'],
    [['committee'], '/console/overview'],
    [['resident', 'subdistrict'], '/console/overview'],
    [['staff', 'admin'], '/console/admin'],
  ] as const)('sends %j to %s', (roles, home) => {
    expect(homeOf(roles)).toBe(home);
  });
});
