/** The estates of the seed story (Xiamen, Siming district). */
export const DEMO_COMPANIES = [
  { id: 'jiayuan-pm', name: '嘉园物业服务有限公司' },
  { id: 'haiyue-pm', name: '海悦物业管理有限公司' },
] as const;

export const DEMO_COMMUNITIES = [
  { id: 'qianpu-yili-west', name: '前埔一里西小区', subdistrict: '莲前街道', neighbourhood: '前埔一里社区', households: 1100 },
  { id: 'xingang-plaza', name: '新港广场小区', subdistrict: '莲前街道', neighbourhood: '新港社区', households: 640 },
  { id: 'huaqiao-haijingcheng', name: '华侨海景城', subdistrict: '嘉莲街道', neighbourhood: '海景社区', households: 1700 },
] as const;
