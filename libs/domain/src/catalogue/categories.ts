export const CATEGORY_CODES = [
  'sanitation',
  'elevator',
  'water_power',
  'security',
  'parking',
  'noise',
  'greenery',
  'facilities',
  'fees',
  'neighbour_dispute',
  'other',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export type SlaPolicy = Readonly<{ acknowledgeWithinMinutes: number; resolveWithinMinutes: number }>;

const HOURS = 60;
const urgent: SlaPolicy = { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 24 * HOURS };

export const CATEGORIES: Readonly<Record<CategoryCode, Readonly<{ zh: string; en: string; defaultSla: SlaPolicy }>>> = {
  sanitation: { zh: '环境卫生', en: 'Sanitation', defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS } },
  elevator: { zh: '电梯', en: 'Elevator', defaultSla: urgent },
  water_power: { zh: '水电', en: 'Water and power', defaultSla: urgent },
  security: { zh: '安防门禁', en: 'Security and access', defaultSla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 72 * HOURS } },
  parking: { zh: '停车', en: 'Parking', defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS } },
  noise: { zh: '噪音', en: 'Noise', defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS } },
  greenery: { zh: '绿化', en: 'Greenery', defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS } },
  facilities: {
    zh: '公共设施',
    en: 'Public facilities',
    defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS },
  },
  fees: {
    zh: '物业费与公共收益',
    en: 'Fees and public revenue',
    defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS },
  },
  neighbour_dispute: {
    zh: '邻里纠纷',
    en: 'Neighbour dispute',
    defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS },
  },
  other: { zh: '其他', en: 'Other', defaultSla: { acknowledgeWithinMinutes: 24 * HOURS, resolveWithinMinutes: 72 * HOURS } },
};

export const isCategory = (value: string): value is CategoryCode => (CATEGORY_CODES as readonly string[]).includes(value);
