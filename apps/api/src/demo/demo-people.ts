import type { Principal } from '@jinlin/domain';
import {
  committeeOf,
  DEMO_ADMIN,
  DEMO_COMMUNITIES,
  DEMO_INCOMING_MANAGER,
  DEMO_INCOMING_STAFF,
  DEMO_MANAGER,
  DEMO_NEIGHBOURHOOD,
  DEMO_RESIDENT,
  DEMO_SECRETARY,
  DEMO_STAFF,
  DEMO_SUBDISTRICT,
  residentOf,
  type DemoCommunityId,
} from './demo-ids';

/** A person of the demo: who they are in the log, and the personal data that stays out of it. */
export type DemoPerson = Readonly<{
  principal: Principal;
  name: string;
  /** Obviously made-up numbers (1380000xxxx) so that the masking shows. */
  phone: string | null;
  /** Only the accounts one signs in with in embedded mode have one. */
  username: string | null;
}>;

/** How many residents each estate's tickets come from (demo-data.ts draws reporters among them). */
export const DEMO_RESIDENTS: Readonly<Record<DemoCommunityId, number>> = {
  'qianpu-yili-west': 45,
  'xingang-plaza': 25,
  'huaqiao-haijingcheng': 60,
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢';
const ADDRESSES = ['阿姨', '叔', '大爷', '奶奶', '先生', '女士', '老师', '姐'];

/** 王阿姨, 李叔 …: how neighbours call each other, drawn from the resident's number. */
export function residentName(communityIndex: number, n: number): string {
  const i = communityIndex * 97 + n * 7;
  return `${SURNAMES[i % SURNAMES.length]}${ADDRESSES[(n + communityIndex) % ADDRESSES.length]}`;
}

const person = (principal: Principal, username: string | null = null, phone: string | null = null): DemoPerson => ({
  principal,
  name: principal.name ?? principal.id,
  phone,
  username,
});

/** Everyone in the demo, one account per role to sign in with (SPEC §2.2: local-only passwords). */
export function demoPeople(): DemoPerson[] {
  const [frontDesk, ...crew] = DEMO_STAFF;
  const residents = DEMO_COMMUNITIES.flatMap((community, c) =>
    Array.from({ length: DEMO_RESIDENTS[community.id] }, (_, i) => {
      const resident = residentOf(community.id, i + 1);
      return person({ ...resident, name: residentName(c, i + 1) });
    }),
  );
  return [
    person(DEMO_ADMIN, 'admin'),
    person(DEMO_RESIDENT, 'wang.ayi', '13800000001'),
    person(frontDesk, 'xiaochen', '13800000002'),
    ...crew.map((s, i) => person(s, null, `1380000001${i}`)),
    person(DEMO_MANAGER, 'lin.jingli', '13800000003'),
    ...DEMO_COMMUNITIES.map((c, i) => person(committeeOf(c.id), i === 0 ? 'chen.zhuren' : null)),
    person(DEMO_SECRETARY, 'huang.shuji'),
    person(DEMO_NEIGHBOURHOOD, 'zhou.zhuren'),
    person(DEMO_SUBDISTRICT, 'xu.kezhang'),
    person(DEMO_INCOMING_MANAGER, 'guo.jingli', '13800000004'),
    person(DEMO_INCOMING_STAFF, 'xiaohuang'),
    ...residents,
  ];
}
