import type { TokenClaims } from '../../apps/api/src/infrastructure/jwt-secret';
import { http, type TestApp } from './test-app';

/** Two estates, two property companies, and one user of every kind. */
export const USERS = {
  admin: { sub: 'admin-1', roles: ['admin'], communities: [] },
  residentA: { sub: 'res-a', name: '王阿姨', roles: ['resident'], communities: ['qianpu'] },
  residentB: { sub: 'res-b', name: '李叔', roles: ['resident'], communities: ['qianpu'] },
  residentX: { sub: 'res-x', roles: ['resident'], communities: ['xingang'] },
  staff: { sub: 'staff-1', name: '小陈', roles: ['staff'], communities: [], companyId: 'jiayuan' },
  manager: { sub: 'mgr-1', name: '林经理', roles: ['manager'], communities: [], companyId: 'jiayuan' },
  otherStaff: { sub: 'staff-9', roles: ['staff'], communities: [], companyId: 'haiyue' },
  otherManager: { sub: 'mgr-9', roles: ['manager'], communities: [], companyId: 'haiyue' },
  committee: { sub: 'com-1', roles: ['committee'], communities: ['qianpu'] },
  secretary: { sub: 'sec-1', roles: ['secretary'], communities: ['qianpu'] },
  otherSecretary: { sub: 'sec-9', roles: ['secretary'], communities: ['xingang'] },
} satisfies Record<string, TokenClaims>;

export type UserName = keyof typeof USERS;
export type Tokens = Record<UserName, string>;

export async function tokensFor(t: TestApp): Promise<Tokens> {
  const entries = await Promise.all(Object.entries(USERS).map(async ([name, claims]) => [name, await t.token(claims)] as const));
  return Object.fromEntries(entries) as Tokens;
}

export async function seedWorld(t: TestApp, tokens: Tokens): Promise<void> {
  const admin = { token: tokens.admin };
  const ok = (r: { status: number; text: string }) => {
    if (r.status !== 201) throw new Error(`seed failed: ${r.status} ${r.text}`);
  };
  ok(await http(t.url, 'POST', '/companies', { ...admin, body: { id: 'jiayuan', name: '嘉园物业' } }));
  ok(await http(t.url, 'POST', '/companies', { ...admin, body: { id: 'haiyue', name: '海悦物业' } }));
  const base = { subdistrict: '莲前街道', neighbourhood: '前埔一里社区' };
  ok(
    await http(t.url, 'POST', '/communities', {
      ...admin,
      body: { id: 'qianpu', name: '前埔一里西小区', households: 1100, propertyCompanyId: 'jiayuan', ...base },
    }),
  );
  ok(
    await http(t.url, 'POST', '/communities', {
      ...admin,
      body: { id: 'xingang', name: '新港广场小区', propertyCompanyId: 'haiyue', ...base },
    }),
  );
  // Every test user is also in the people directory, under the same id: assignees and reporters must be.
  for (const claims of Object.values(USERS)) {
    ok(await http(t.url, 'POST', '/people', { ...admin, body: personBody(claims) }));
  }
}

/** The directory entry of a test user: the token's claims, a name (token name or id). */
export function personBody(claims: TokenClaims & { name?: string }) {
  return {
    id: claims.sub,
    name: claims.name ?? claims.sub,
    roles: claims.roles,
    communities: claims.communities ?? [],
    ...(claims.companyId ? { companyId: claims.companyId } : {}),
  };
}

export const ticketBody = (overrides: Record<string, unknown> = {}) => ({
  communityId: 'qianpu',
  category: 'elevator',
  title: '3号楼电梯停运',
  description: '早上八点开始电梯不动了，老人下不了楼',
  location: '3号楼',
  channel: 'group_chat',
  ...overrides,
});
