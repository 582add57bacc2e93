import {
  CATEGORY_CODES,
  CHANNELS,
  decideTicket,
  ticketDecider,
  type Community,
  type Person,
  type Ticket,
  type TicketCommand,
} from '@jinlin/domain';
import { demoBuildings, demoScenario, type DemoScenario, type DemoTicket } from './demo-data';
import { DEMO_COMMUNITIES, DEMO_MANAGING_COMPANY } from './demo-ids';
import { demoPeople } from './demo-people';

const NOW = '2025-11-28T06:30:00.000Z'; // 14:30 in Xiamen
const DAYS = 21;
const scenario = demoScenario({ seed: 7, now: NOW, days: DAYS });
const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const share = (tickets: readonly DemoTicket[], test: (t: DemoTicket) => boolean) => tickets.filter(test).length / tickets.length;

/** The directory as the demo loader registers it, for the lookups the handlers make. */
const DIRECTORY = new Map<string, Person>(
  demoPeople().map(({ principal: p }) => [
    p.id,
    { exists: true, id: p.id, roles: p.roles, communities: p.communities, companyId: p.companyId ?? null, erased: false },
  ]),
);
const lookUp = (id: string): Person => DIRECTORY.get(id) ?? { exists: false };

/** Plays a ticket through the real decider, as the service would: any broken rule throws. */
function play(ticket: DemoTicket): Ticket {
  const community: Community = {
    exists: true,
    id: ticket.communityId,
    name: 'x',
    propertyCompanyId: DEMO_MANAGING_COMPANY,
    slaPolicies: {},
    buildings: Object.fromEntries(
      demoBuildings()
        .filter((b) => b.communityId === ticket.communityId)
        .map((b) => [b.code, { code: b.code, name: b.name, units: b.units }]),
    ),
  };
  const { communityId, category, title, description, location, channel } = ticket;
  const reporter =
    ticket.filer.id === ticket.reporter.id ? {} : { reporter: { id: ticket.reporter.id, person: lookUp(ticket.reporter.id) } };
  const data = {
    ticketId: 't-1',
    communityId,
    category,
    title,
    description,
    location,
    channel,
    community,
    ...reporter,
  };
  let state = ticketDecider.initialState();
  const apply = (command: TicketCommand) => {
    for (const event of decideTicket(command, state)) state = ticketDecider.evolve(state, event);
  };
  apply({ type: 'FileTicket', data, metadata: { actor: ticket.filer, now: ticket.filedAt } });
  for (const step of ticket.steps) {
    const command =
      step.command.type === 'AssignTicket'
        ? { ...step.command, data: { ...step.command.data, assignee: lookUp(step.command.data.assigneeId) } }
        : step.command;
    apply({ ...command, metadata: { actor: step.actor, now: step.at, managingCompanyId: DEMO_MANAGING_COMPANY } } as TicketCommand);
  }
  return state;
}

const finalStates = scenario.tickets.map(play);
const statusOf = (i: number) => (finalStates[i].exists ? finalStates[i].status : 'missing');

describe('the demo scenario', () => {
  it('when generated twice from the same seed and now, it is the same story; another seed tells another', () => {
    expect(demoScenario({ seed: 7, now: NOW, days: DAYS })).toEqual(scenario);
    const other: DemoScenario = demoScenario({ seed: 8, now: NOW, days: DAYS });
    expect(other.tickets.map((t) => t.title)).not.toEqual(scenario.tickets.map((t) => t.title));
  });

  it('when counted per community and day, there are 4 to 10 tickets (today only up to now)', () => {
    const today = beijingDay(NOW);
    for (const { id } of DEMO_COMMUNITIES) {
      const perDay = new Map<string, number>();
      for (const t of scenario.tickets.filter((t) => t.communityId === id))
        perDay.set(beijingDay(t.filedAt), (perDay.get(beijingDay(t.filedAt)) ?? 0) + 1);
      expect(perDay.size).toBeGreaterThanOrEqual(DAYS - 1);
      for (const [day, count] of perDay) {
        expect(count).toBeLessThanOrEqual(10);
        if (day !== today) expect(count).toBeGreaterThanOrEqual(4);
      }
    }
    expect(scenario.tickets.length).toBeGreaterThan(DAYS * 3 * 4);
  });

  it('when timed, everything lies in the past window, in order, after registration', () => {
    const start = Date.parse(NOW) - DAYS * 24 * 3600_000;
    expect(Date.parse(scenario.registeredAt)).toBeLessThan(start);
    for (const t of scenario.tickets) {
      const times = [t.filedAt, ...t.steps.map((s) => s.at)].map(Date.parse);
      expect(times[0]).toBeGreaterThanOrEqual(start);
      expect(times[times.length - 1]).toBeLessThanOrEqual(Date.parse(NOW));
      times.slice(1).forEach((time, i) => expect(time).toBeGreaterThan(times[i]));
    }
  });

  it('when a non-urgent step is taken, it is during Xiamen waking hours', () => {
    const urgent = ['elevator', 'water_power', 'security'];
    const steps = scenario.tickets.filter((t) => !urgent.includes(t.category)).flatMap((t) => t.steps);
    const hours = steps.map((s) => new Date(Date.parse(s.at) + 8 * 3600_000).getUTCHours());
    expect(hours.every((h) => h >= 7 && h <= 23)).toBe(true);
  });

  it('when every ticket is played through the ticket decider, no step breaks a rule', () => {
    expect(finalStates.every((s) => s.exists)).toBe(true);
  });

  it('when looked at as a whole, every category and channel appears and the paths are varied', () => {
    expect(new Set(scenario.tickets.map((t) => t.category))).toEqual(new Set(CATEGORY_CODES));
    expect(new Set(scenario.tickets.map((t) => t.channel))).toEqual(new Set(CHANNELS));
    const statuses = new Set(scenario.tickets.map((_, i) => statusOf(i)));
    expect(statuses).toEqual(new Set(['open', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'withdrawn']));
    const commands = new Set(scenario.tickets.flatMap((t) => t.steps.map((s) => s.command.type)));
    for (const type of [
      'AssignTicket',
      'CommentOnTicket',
      'RejectResolution',
      'EscalateTicket',
      'WithdrawTicket',
      'RateTicket',
      'WaitTicket',
      'ResumeTicket',
    ])
      expect(commands).toContain(type);
    const recent = scenario.tickets.filter((t) => Date.parse(NOW) - Date.parse(t.filedAt) < 24 * 3600_000);
    expect(share(recent, (t) => !t.steps.some((s) => s.command.type === 'ResolveTicket'))).toBeGreaterThan(0.4);
  });

  it('when work waits, it waits on the resident too, and their answer ends that wait as the decider says', () => {
    const onResident = scenario.tickets.filter((t) =>
      t.steps.some((s) => s.command.type === 'WaitTicket' && s.command.data.on === 'resident'),
    );
    expect(onResident.length).toBeGreaterThan(0);
    // Played to its end, a ticket whose reporter answered is no longer waiting.
    const answered = onResident.filter((t) => t.steps.at(-1)?.command.type !== 'WaitTicket');
    expect(answered.length).toBeGreaterThan(0);
    for (const t of answered) expect(statusOf(scenario.tickets.indexOf(t))).not.toBe('waiting');
  });

  it('when rated, scores are 1 to 5 and mostly 4 or 5', () => {
    const scores = scenario.tickets.flatMap((t) => t.steps.flatMap((s) => (s.command.type === 'RateTicket' ? [s.command.data.score] : [])));
    expect(scores.length).toBeGreaterThan(50);
    expect(scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 5)).toBe(true);
    expect(scores.filter((s) => s >= 4).length / scores.length).toBeGreaterThan(0.7);
  });

  it('when read, titles, descriptions and locations are Chinese and within the API limits', () => {
    const han = /\p{Script=Han}/u;
    for (const t of scenario.tickets) {
      expect(t.title).toMatch(han);
      expect(t.description).toMatch(han);
      expect(JSON.stringify(t.location)).toMatch(han);
      expect(`${t.title}${t.description}${JSON.stringify(t.location)}${JSON.stringify(t.steps.map((s) => s.command.data))}`).not.toMatch(
        /\{(b|u|f|loc)\}/,
      );
      expect([...t.title].length).toBeLessThanOrEqual(120);
      expect([...t.description].length).toBeLessThanOrEqual(4000);
    }
    expect(scenario.tickets.some((t) => /^\d+号楼\d+单元$/.test(t.location?.note ?? '') && t.location?.unit && t.location.building)).toBe(
      true,
    );
    expect(scenario.tickets.some((t) => t.location?.area && !t.location.building)).toBe(true);
  });

  it('when filed, residents of each estate report, and resident-demo reports in 前埔一里西小区 only', () => {
    const reporters = new Set(scenario.tickets.map((t) => t.reporter.id));
    for (const { id } of DEMO_COMMUNITIES) expect([...reporters].filter((r) => r.startsWith(`resident-${id}-`)).length).toBeGreaterThan(5);
    const demo = scenario.tickets.filter((t) => t.reporter.id === 'resident-demo');
    expect(demo.length).toBeGreaterThan(5);
    expect(new Set(demo.map((t) => t.communityId))).toEqual(new Set(['qianpu-yili-west']));
  });
});

describe('who files and who reports in the demo', () => {
  it('every reporter is a registered resident of the estate; the secretary files some tea-talk matters for them', () => {
    for (const t of scenario.tickets) {
      const reporter = lookUp(t.reporter.id);
      expect(reporter.exists && reporter.roles.includes('resident') && reporter.communities.includes(t.communityId)).toBe(true);
      expect(lookUp(t.filer.id).exists).toBe(true);
    }
    const onBehalf = scenario.tickets.filter((t) => t.filer.id !== t.reporter.id);
    expect(onBehalf.length).toBeGreaterThan(0);
    expect(onBehalf.every((t) => t.channel === 'tea_talk' && t.filer.roles.includes('secretary'))).toBe(true);
  });
});
