import { DEMO_COMMUNITIES, DEMO_COMPANIES } from '../demo/demo-ids';
import { signToken, type TokenClaims } from './jwt-secret';

const communities = DEMO_COMMUNITIES.map((c) => c.id);
const [managing] = DEMO_COMPANIES;

export const DEMO_USERS: readonly TokenClaims[] = [
  { sub: 'resident-demo', name: '王阿姨 (resident)', roles: ['resident'], communities: [communities[0]] },
  { sub: 'staff-demo', name: '小陈 (staff)', roles: ['staff'], communities, companyId: managing.id },
  { sub: 'manager-demo', name: '林经理 (manager)', roles: ['manager'], communities, companyId: managing.id },
  { sub: 'committee-demo', name: '业委会 陈主任 (committee)', roles: ['committee'], communities: [communities[0]] },
  { sub: 'secretary-demo', name: '党支部 黄书记 (secretary)', roles: ['secretary'], communities },
  { sub: 'admin-demo', name: 'admin', roles: ['admin'], communities },
];

/** Local-only convenience: tokens signed with the secret kept under ./data, printed once at start. */
export async function printDemoTokens(secret: string, url: string): Promise<void> {
  const lines = [
    '',
    '================ LOCAL DEMO TOKENS — embedded mode only, never for production ================',
    `Signed with the local secret in ./data (no JWT_SECRET set). Try: curl -H "Authorization: Bearer <token>" ${url}/tickets`,
  ];
  for (const user of DEMO_USERS) lines.push(`${user.roles[0].padEnd(10)} ${await signToken(secret, user)}`);
  lines.push('===============================================================================================', '');
  process.stdout.write(lines.join('\n'));
}
