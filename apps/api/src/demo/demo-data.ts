import type { CategoryCode, Channel, Principal, TicketLocation } from '@jinlin/domain';
import { DEMO_RESIDENTS } from './demo-people';
import { DEMO_COMMUNITIES, DEMO_RESIDENT, DEMO_SECRETARY, committeeOf, residentOf, type DemoCommunityId } from './demo-ids';
import { Story, type DemoStep } from './demo-story';
import { GARAGE_ZONES, GATES, ISSUES, PLAZAS, type Place } from './demo-texts';
import { Dice } from './dice';

export type { DemoStep, DemoTicketCommand } from './demo-story';

export type DemoTicket = Readonly<{
  communityId: DemoCommunityId;
  category: CategoryCode;
  title: string;
  description: string;
  /** Structured (SPEC §4.5): building and unit as registered, the words a resident would write as the note. */
  location: TicketLocation | null;
  channel: Channel;
  /** Who files: the reporter themself, or the secretary writing down a tea-talk matter for them. */
  filer: Principal;
  /** Always a resident: only a resident is ever a reporter (SPEC §4.1). */
  reporter: Principal;
  filedAt: string;
  /** In time order, none later than the scenario's "now". */
  steps: readonly DemoStep[];
}>;

export type DemoScenario = Readonly<{ registeredAt: string; tickets: readonly DemoTicket[] }>;

export type ScenarioOptions = Readonly<{ seed: number; now: string; days: number }>;

type Profile = Readonly<{
  buildings: number;
  units: number;
  floors: number;
  perDay: readonly [number, number];
  residents: number;
  weights: Readonly<Record<CategoryCode, number>>;
}>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BEIJING_OFFSET = 8 * 60 * MINUTE;

const WEIGHTS: Record<CategoryCode, number> = {
  sanitation: 5,
  elevator: 3,
  water_power: 3,
  security: 2,
  parking: 3,
  noise: 3,
  greenery: 2,
  facilities: 3,
  fees: 1,
  neighbour_dispute: 1,
  other: 1,
};

/** 前埔一里 is an older walk-up estate (a few retrofitted lifts, crowded parking); 海景城 is high-rise. */
const PROFILES: Readonly<Record<DemoCommunityId, Profile>> = {
  'qianpu-yili-west': {
    buildings: 38,
    units: 3,
    floors: 7,
    perDay: [5, 9],
    residents: DEMO_RESIDENTS['qianpu-yili-west'],
    weights: { ...WEIGHTS, elevator: 1, parking: 4 },
  },
  'xingang-plaza': { buildings: 12, units: 2, floors: 18, perDay: [4, 7], residents: DEMO_RESIDENTS['xingang-plaza'], weights: WEIGHTS },
  'huaqiao-haijingcheng': {
    buildings: 18,
    units: 4,
    floors: 32,
    perDay: [6, 10],
    residents: DEMO_RESIDENTS['huaqiao-haijingcheng'],
    weights: { ...WEIGHTS, elevator: 5 },
  },
};

const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['app', 45],
  ['group_chat', 25],
  ['phone', 12],
  ['walk_in', 10],
  ['tea_talk', 8],
];

/**
 * The whole seed story, from a seed and a "now": pure and repeatable. Tickets are filed during
 * Beijing daytime over the last `days` days (today included, up to now); their later steps
 * are cut at now, so the most recent ones are still open or in progress.
 */
export function demoScenario({ seed, now, days }: ScenarioOptions): DemoScenario {
  const dice = new Dice(seed);
  const nowMs = Date.parse(now);
  const today = Math.floor((nowMs + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
  const firstDay = today - (days - 1) * DAY;
  const tickets: DemoTicket[] = [];
  for (let day = 0; day < days; day++) {
    for (const { id } of DEMO_COMMUNITIES) tickets.push(...ticketsOfDay(dice, id, firstDay + day * DAY, nowMs));
  }
  return { registeredAt: new Date(firstDay - DAY).toISOString(), tickets };
}

function ticketsOfDay(dice: Dice, communityId: DemoCommunityId, dayStart: number, now: number): DemoTicket[] {
  const [min, max] = PROFILES[communityId].perDay;
  const filings = Array.from({ length: dice.int(min, max) }, () => dayStart + dice.int(7 * 60, 22 * 60 + 30) * MINUTE).sort(
    (a, b) => a - b,
  );
  return filings.map((filedAt) => ticketAt(dice, communityId, filedAt, now)).filter((t) => Date.parse(t.filedAt) <= now);
}

function ticketAt(dice: Dice, communityId: DemoCommunityId, filedAt: number, now: number): DemoTicket {
  const profile = PROFILES[communityId];
  const category = dice.weighted(Object.entries(profile.weights) as [CategoryCode, number][]);
  const issue = dice.pick(ISSUES[category]);
  const fill = placeIn(dice, profile, issue.place);
  const channel = dice.weighted(CHANNELS);
  const reporter = reporterOf(dice, communityId);
  const filer = channel === 'tea_talk' && dice.chance(0.5) ? DEMO_SECRETARY : reporter;
  const cast = { reporter, committee: committeeOf(communityId), category, action: fill(issue.action), resolution: fill(issue.resolution) };
  const steps = new Story(dice, filedAt, cast).tell();
  return {
    communityId,
    category,
    title: fill(issue.title),
    description: fill(issue.description),
    location: fill.place,
    channel,
    filer,
    reporter,
    filedAt: new Date(filedAt).toISOString(),
    steps: steps.filter((s) => Date.parse(s.at) <= now),
  };
}

/**
 * A resident of the estate; matters raised at the neighbourhood tea meeting are often written down
 * by the party-branch secretary for them (ticketAt), and they still confirm and rate.
 */
function reporterOf(dice: Dice, communityId: DemoCommunityId): Principal {
  if (communityId === 'qianpu-yili-west' && dice.chance(0.15)) return DEMO_RESIDENT;
  return residentOf(communityId, dice.int(1, PROFILES[communityId].residents));
}

/** Draws one address and returns a filler for the {b} {u} {f} {loc} placeholders, with the place it names. */
function placeIn(dice: Dice, profile: Profile, place: Place): ((text: string) => string) & { place: TicketLocation } {
  const b = dice.int(1, profile.buildings);
  const u = dice.int(1, profile.units);
  const f = dice.int(2, profile.floors);
  const locations: Record<Place, () => string> = {
    unit: () => `${b}号楼${u}单元`,
    building: () => `${b}号楼`,
    garage: () => `地下车库${dice.pick(GARAGE_ZONES)}区`,
    gate: () => `小区${dice.pick(GATES)}`,
    garden: () => (dice.chance(0.5) ? `${b}号楼前绿化带` : '中心花园'),
    plaza: () => dice.pick(PLAZAS),
    office: () => '物业服务中心',
  };
  const loc = locations[place]();
  const fill = (text: string) =>
    text.replaceAll('{b}', String(b)).replaceAll('{u}', String(u)).replaceAll('{f}', String(f)).replaceAll('{loc}', loc);
  const structured: Record<Place, TicketLocation> = {
    unit: { building: String(b), unit: demoUnitName(u), note: loc },
    building: { building: String(b), note: loc },
    garage: { area: loc },
    gate: { area: loc },
    garden: loc.startsWith(`${b}号楼`) ? { building: String(b), area: '楼前绿化带', note: loc } : { area: loc },
    plaza: { area: loc },
    office: { area: loc },
  };
  return Object.assign(fill, { place: structured[place] });
}

/** The units of a demo building, as its residents name them. */
export const demoUnitName = (u: number) => `${u}单元`;

/** Every estate's buildings (1号楼 …) and units (1单元 …), registered before the first ticket. */
export function demoBuildings(): { communityId: DemoCommunityId; code: string; name: string; units: string[] }[] {
  return (Object.entries(PROFILES) as [DemoCommunityId, Profile][]).flatMap(([communityId, p]) =>
    Array.from({ length: p.buildings }, (_, i) => ({
      communityId,
      code: String(i + 1),
      name: `${i + 1}号楼`,
      units: Array.from({ length: p.units }, (_, u) => demoUnitName(u + 1)),
    })),
  );
}
