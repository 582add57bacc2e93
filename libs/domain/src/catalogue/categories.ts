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

/** SPEC §4.9: minutes around the clock, or only within working hours on working days. */
export const SLA_CLOCKS = ['continuous', 'business'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** A category's promise in a community (SPEC §4.9), every field given. */
export type SlaPolicy = Readonly<{
  acknowledgeWithinMinutes: number;
  resolveWithinMinutes: number;
  clock: SlaClock;
  /** TicketSlaWarning once this share (1..99) of a deadline has passed unmet. */
  warnAtPercent: number;
  /** After a resolve breach, one level up at each of these minutes (sorted, ≥ 0), around the clock. */
  escalateAfterBreachMinutes: readonly number[];
}>;

/**
 * A policy as events written before SPEC §4.9's clocks carry it (SlaPolicySet, TicketFiled.sla):
 * the minutes only. Read through `completePolicy`.
 */
export type StoredSlaPolicy = Pick<SlaPolicy, 'acknowledgeWithinMinutes' | 'resolveWithinMinutes'> & Partial<SlaPolicy>;

export const DEFAULT_WARN_AT_PERCENT = 80;
/** Committee at the breach, party branch a day later, 社区 three days later. */
export const DEFAULT_ESCALATION_MINUTES: readonly number[] = [0, 1440, 4320];

/** Lifts, water and power, and the gate do not wait for Monday: their minutes run around the clock. */
const CONTINUOUS: ReadonlySet<string> = new Set(['elevator', 'water_power', 'security']);
export const defaultClock = (category: CategoryCode): SlaClock => (CONTINUOUS.has(category) ? 'continuous' : 'business');

const HOURS = 60;
const minutes = (acknowledgeWithinMinutes: number, resolveWithinMinutes: number) => ({ acknowledgeWithinMinutes, resolveWithinMinutes });
const urgent = minutes(120, 24 * HOURS);

const NAMES_AND_MINUTES: Readonly<Record<CategoryCode, Readonly<{ zh: string; en: string; defaultSla: StoredSlaPolicy }>>> = {
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

/** A stored policy with SPEC §4.9's defaults for what it does not say. */
export function completePolicy(category: CategoryCode, stored: StoredSlaPolicy): SlaPolicy {
  return {
    acknowledgeWithinMinutes: stored.acknowledgeWithinMinutes,
    resolveWithinMinutes: stored.resolveWithinMinutes,
    clock: stored.clock ?? defaultClock(category),
    warnAtPercent: stored.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT,
    escalateAfterBreachMinutes: stored.escalateAfterBreachMinutes ?? DEFAULT_ESCALATION_MINUTES,
  };
}

export const CATEGORIES: Readonly<Record<CategoryCode, Readonly<{ zh: string; en: string; defaultSla: SlaPolicy }>>> = Object.fromEntries(
  Object.entries(NAMES_AND_MINUTES).map(([code, c]) => [code, { ...c, defaultSla: completePolicy(code as CategoryCode, c.defaultSla) }]),
) as Record<CategoryCode, { zh: string; en: string; defaultSla: SlaPolicy }>;

/**
 * Every problem of a policy body (SPEC §4.9), each naming its field; none means it may be stored.
 * The minutes' own range is the HTTP layer's; these are the rules between and within the new fields.
 */
export function slaPolicyProblems(policy: Partial<Record<keyof SlaPolicy, unknown>>): string[] {
  const problems: string[] = [];
  if (policy.clock !== undefined && !(SLA_CLOCKS as readonly unknown[]).includes(policy.clock))
    problems.push(`clock must be one of ${SLA_CLOCKS.join(', ')}`);
  const pct = policy.warnAtPercent;
  if (pct !== undefined && !(Number.isInteger(pct) && (pct as number) >= 1 && (pct as number) <= 99))
    problems.push('warnAtPercent must be a whole number from 1 to 99');
  const ladder = policy.escalateAfterBreachMinutes;
  if (ladder !== undefined) {
    if (!Array.isArray(ladder)) problems.push('escalateAfterBreachMinutes must be a list of minutes');
    else if (ladder.length > ESCALATION_STEPS)
      problems.push(`escalateAfterBreachMinutes has at most ${ESCALATION_STEPS} steps, one per level`);
    else
      ladder.forEach((m, i) => {
        if (!Number.isInteger(m) || (m as number) < 0) problems.push(`escalateAfterBreachMinutes[${i}] must be a whole number ≥ 0`);
        else if (i > 0 && (m as number) < (ladder[i - 1] as number))
          problems.push(`escalateAfterBreachMinutes[${i}] must not be less than the step before (sorted ascending)`);
      });
  }
  return problems;
}

/** committee, party_branch, neighbourhood, subdistrict: one step of the ladder each. */
export const ESCALATION_STEPS = 4;

export const isCategory = (value: string): value is CategoryCode => (CATEGORY_CODES as readonly string[]).includes(value);
