import { createHmac } from 'node:crypto';
import { DEMO_COMMUNITIES, DEMO_COMPANIES, DEMO_NEIGHBOURHOOD, DEMO_SUBDISTRICT } from '../demo/demo-ids';
import { demoPeople } from '../demo/demo-people';
import { signToken, type TokenClaims } from './jwt-secret';

const communities = DEMO_COMMUNITIES.map((c) => c.id);
const [managing] = DEMO_COMPANIES;

export const DEMO_USERS: readonly TokenClaims[] = [
  { sub: 'resident-demo', name: '王阿姨 (resident)', roles: ['resident'], communities: [communities[0]] },
  { sub: 'staff-demo', name: '小陈 (staff)', roles: ['staff'], communities, companyId: managing.id },
  { sub: 'manager-demo', name: '林经理 (manager)', roles: ['manager'], communities, companyId: managing.id },
  { sub: 'committee-demo', name: '业委会 陈主任 (committee)', roles: ['committee'], communities: [communities[0]] },
  { sub: 'secretary-demo', name: '党支部 黄书记 (secretary)', roles: ['secretary'], communities },
  {
    sub: 'neighbourhood-demo',
    name: '社区 周主任 (neighbourhood)',
    roles: ['neighbourhood'],
    communities: [...DEMO_NEIGHBOURHOOD.communities],
  },
  {
    sub: 'subdistrict-demo',
    name: '莲前街道 许科长 (subdistrict)',
    roles: ['subdistrict'],
    communities: [...DEMO_SUBDISTRICT.communities],
  },
  { sub: 'admin-demo', name: 'admin', roles: ['admin'], communities },
];

/**
 * A demo account's password, derived from the local secret kept under ./data: the same at every
 * start (so it can be printed again), different on every machine, and never in the repository.
 */
export function demoPassword(secret: string, username: string): string {
  return `demo-${createHmac('sha256', secret).update(`demo-password:${username}`).digest('base64url').slice(0, 12)}`;
}

/** The accounts one signs in with at /app in embedded mode: role, name, username, password. */
export function demoAccounts(secret: string): { role: string; name: string; username: string; password: string }[] {
  return demoPeople()
    .filter((p) => p.username)
    .map((p) => ({ role: p.principal.roles[0], name: p.name, username: p.username!, password: demoPassword(secret, p.username!) }));
}

/** Local-only convenience: tokens signed with the secret kept under ./data, printed once at start. */
export async function printDemoTokens(secret: string, url: string): Promise<void> {
  const lines = [
    '',
    '================ LOCAL DEMO TOKENS — embedded mode only, never for production ================',
    `Signed with the local secret in ./data (no JWT_SECRET set). Try: curl -H "Authorization: Bearer <token>" ${url}/tickets`,
  ];
  for (const user of DEMO_USERS) lines.push(`${user.roles[0].padEnd(13)} ${await signToken(secret, user)}`);
  lines.push('', 'LOCAL DEMO ACCOUNTS — sign in with POST /auth/sign-in {username, password}; local-only passwords:');
  for (const a of demoAccounts(secret)) lines.push(`${a.role.padEnd(13)} ${a.username.padEnd(12)} ${a.password}  ${a.name}`);
  lines.push('===============================================================================================', '');
  process.stdout.write(lines.join('\n'));
}
