import type { Principal } from '@jinlin/domain';

/** The estates of the seed story (Xiamen, Siming district). */
export const DEMO_COMPANIES = [
  { id: 'jiayuan-pm', name: '嘉园物业服务有限公司' },
  { id: 'haiyue-pm', name: '海悦物业管理有限公司' },
] as const;

// 华侨海景城 is counted in residents locally (about 5,200); 1,700 households is the registered figure.
export const DEMO_COMMUNITIES = [
  { id: 'qianpu-yili-west', name: '前埔一里西小区', subdistrict: '莲前街道', neighbourhood: '前埔一里社区', households: 1100 },
  { id: 'xingang-plaza', name: '新港广场小区', subdistrict: '莲前街道', neighbourhood: '新港社区', households: 640 },
  { id: 'huaqiao-haijingcheng', name: '华侨海景城', subdistrict: '嘉莲街道', neighbourhood: '海景社区', households: 1700 },
] as const;

export type DemoCommunityId = (typeof DEMO_COMMUNITIES)[number]['id'];

/** At the start of the story one company manages every estate; a handover may change that later. */
export const DEMO_MANAGING_COMPANY = DEMO_COMPANIES[0].id;

const ALL_COMMUNITIES: readonly string[] = DEMO_COMMUNITIES.map((c) => c.id);
const FIRST_COMMUNITY = DEMO_COMMUNITIES[0].id;

/** The same people as the printed demo tokens (infrastructure/demo-tokens.ts), so what they see is theirs. */
export const DEMO_ADMIN: Principal = { id: 'admin-demo', name: 'admin', roles: ['admin'], communities: ALL_COMMUNITIES };
export const DEMO_RESIDENT: Principal = { id: 'resident-demo', name: '王阿姨', roles: ['resident'], communities: [FIRST_COMMUNITY] };
export const DEMO_MANAGER: Principal = {
  id: 'manager-demo',
  name: '林经理',
  roles: ['manager'],
  communities: ALL_COMMUNITIES,
  companyId: DEMO_MANAGING_COMPANY,
};
export const DEMO_SECRETARY: Principal = {
  id: 'secretary-demo',
  name: '党支部 黄书记',
  roles: ['secretary'],
  communities: ALL_COMMUNITIES,
};

const staff = (id: string, name: string): Principal => ({
  id,
  name,
  roles: ['staff'],
  communities: ALL_COMMUNITIES,
  companyId: DEMO_MANAGING_COMPANY,
});

/** staff-demo first: it acknowledges most tickets; the others are the repair crew a manager assigns. */
export const DEMO_STAFF: readonly Principal[] = [
  staff('staff-demo', '小陈'),
  staff('staff-jiayuan-2', '郑师傅'),
  staff('staff-jiayuan-3', '刘师傅'),
  staff('staff-jiayuan-4', '保洁班长 吴姐'),
];

/** committee-demo sits on 前埔一里西小区's committee; the other estates have their own. */
export function committeeOf(communityId: string): Principal {
  const id = communityId === FIRST_COMMUNITY ? 'committee-demo' : `committee-${communityId}`;
  return { id, name: COMMITTEE_CHAIRS[communityId] ?? '业委会', roles: ['committee'], communities: [communityId] };
}

const COMMITTEE_CHAIRS: Readonly<Record<string, string>> = {
  'qianpu-yili-west': '业委会 陈主任',
  'xingang-plaza': '业委会 蔡主任',
  'huaqiao-haijingcheng': '业委会 叶主任',
};

/** 前埔一里社区's official (社区居委会) and 莲前街道's, who receive escalations at their level. */
export const DEMO_NEIGHBOURHOOD: Principal = {
  id: 'neighbourhood-demo',
  name: '社区 周主任',
  roles: ['neighbourhood'],
  communities: [FIRST_COMMUNITY],
};
export const DEMO_SUBDISTRICT: Principal = {
  id: 'subdistrict-demo',
  name: '莲前街道 许科长',
  roles: ['subdistrict'],
  communities: DEMO_COMMUNITIES.filter((c) => c.subdistrict === '莲前街道').map((c) => c.id),
};

/** The company chosen to take over 华侨海景城 in the demo handover: it needs a way in before the day. */
export const DEMO_INCOMING_COMPANY = DEMO_COMPANIES[1].id;
export const DEMO_INCOMING_MANAGER: Principal = {
  id: 'manager-haiyue',
  name: '海悦 郭经理',
  roles: ['manager'],
  communities: [],
  companyId: DEMO_INCOMING_COMPANY,
};
export const DEMO_INCOMING_STAFF: Principal = {
  id: 'staff-haiyue',
  name: '海悦 小黄',
  roles: ['staff'],
  communities: [],
  companyId: DEMO_INCOMING_COMPANY,
};

export function residentOf(communityId: string, n: number): Principal {
  return { id: `resident-${communityId}-${n}`, roles: ['resident'], communities: [communityId] };
}
