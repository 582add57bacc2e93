import type { Role } from '../shared/principal';
import type { TicketEvent } from '../ticket/ticket.events';
import { recipientsOf, type DirectoryPerson, type NotifiedTicket } from './notification.rules';
import { summaryOf } from './notification.summary';
import { evolveNotifiedTicket } from './notified-ticket';

const person = (id: string, roles: Role[], communities: string[], companyId: string | null = null): DirectoryPerson => ({
  id,
  roles,
  communities,
  companyId,
  erased: false,
});

const PEOPLE: DirectoryPerson[] = [
  person('staff-1', ['staff'], [], 'jiayuan'),
  person('staff-2', ['staff'], [], 'jiayuan'),
  person('mgr-1', ['manager'], [], 'jiayuan'),
  person('staff-9', ['staff'], [], 'haiyue'),
  person('mgr-9', ['manager'], [], 'haiyue'),
  person('com-1', ['committee'], ['qianpu']),
  person('com-9', ['committee'], ['xingang']),
  person('sec-1', ['secretary'], ['qianpu']),
  person('nb-1', ['neighbourhood'], ['qianpu']),
  person('sd-1', ['subdistrict'], ['qianpu', 'xingang']),
  person('res-a', ['resident'], ['qianpu']),
  person('res-b', ['resident'], ['qianpu']),
];

const ticket: NotifiedTicket = {
  ticketId: 't-1',
  communityId: 'qianpu',
  companyId: 'jiayuan',
  reporterId: 'res-a',
  assigneeId: 'staff-1',
  escalationLevel: null,
  supporters: ['res-b'],
  title: '3号楼电梯停运',
};

const by = (id: string, ...roles: Role[]) => ({ id, roles });
const at = '2026-12-01T08:00:00.000Z';
const filed: TicketEvent = {
  type: 'TicketFiled',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    companyId: 'jiayuan',
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '电梯不动了',
    location: null,
    channel: 'app',
    reporterId: 'res-a',
    filedAt: at,
    sla: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 240 },
    acknowledgeBy: at,
    resolveBy: at,
    by: by('res-a', 'resident'),
    anonymous: true,
  },
};
const comment = (who: ReturnType<typeof by>, internal = false): TicketEvent => ({
  type: 'TicketCommented',
  data: { ticketId: 't-1', text: '请尽快', internal, commentedAt: at, by: who },
});
const breached: TicketEvent = { type: 'TicketSlaBreached', data: { ticketId: 't-1', kind: 'resolve', deadline: at, detectedAt: at } };
const warned: TicketEvent = {
  type: 'TicketSlaWarning',
  data: { ticketId: 't-1', kind: 'resolve', warnAt: at, deadline: at, detectedAt: at },
};
const waiting = (on: 'resident' | 'parts'): TicketEvent => ({
  type: 'TicketWaiting',
  data: { ticketId: 't-1', on, reason: '请提供照片', waitingSince: at, by: by('staff-1', 'staff') },
});
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { ticketId: 't-1', resolution: '已修复', resolvedAt: at, by: by('staff-1', 'staff') },
};
const escalated = (level: 'committee' | 'party_branch' | 'neighbourhood' | 'subdistrict', who = by('system', 'admin')): TicketEvent => ({
  type: 'TicketEscalated',
  data: { ticketId: 't-1', level, reason: '超时', escalatedAt: at, by: who },
});

const tell = (event: TicketEvent, t: NotifiedTicket = ticket, people = PEOPLE) => recipientsOf(event, t, people).sort();

describe('who is told (SPEC §9)', () => {
  it("when a ticket is filed, the managing company's staff and managers are told, no other company and no resident", () =>
    expect(tell(filed)).toEqual(['mgr-1', 'staff-1', 'staff-2']));
  it('when a ticket is filed by staff, the filer is not told of their own filing', () =>
    expect(tell({ ...filed, data: { ...filed.data, by: by('staff-2', 'staff') } })).toEqual(['mgr-1', 'staff-1']));
  it('when a ticket is assigned, the assignee is told', () =>
    expect(
      tell({ type: 'TicketAssigned', data: { ticketId: 't-1', assigneeId: 'staff-2', assignedAt: at, by: by('mgr-1', 'manager') } }),
    ).toEqual(['staff-2']));
  it('when a manager assigns a ticket to themself, nobody is told', () =>
    expect(
      tell({ type: 'TicketAssigned', data: { ticketId: 't-1', assigneeId: 'mgr-1', assignedAt: at, by: by('mgr-1', 'manager') } }),
    ).toEqual([]));
  it('when a deadline nears on an assigned ticket, the assignee is told', () => expect(tell(warned)).toEqual(['staff-1']));
  it("when a deadline nears on an unassigned ticket, the company's managers are told", () =>
    expect(tell(warned, { ...ticket, assigneeId: null })).toEqual(['mgr-1']));
  it("when a ticket not yet escalated breaches, the committee and the company's managers are told", () =>
    expect(tell(breached)).toEqual(['com-1', 'mgr-1']));
  it("when an escalated ticket breaches, the holders of its level and the company's managers are told", () =>
    expect(tell(breached, { ...ticket, escalationLevel: 'neighbourhood' })).toEqual(['mgr-1', 'nb-1']));
  it.each([
    ['committee', 'com-1'],
    ['party_branch', 'sec-1'],
    ['neighbourhood', 'nb-1'],
    ['subdistrict', 'sd-1'],
  ] as const)("when a ticket is escalated to %s, %s of that community and the company's managers are told", (level, holder) =>
    expect(tell(escalated(level))).toEqual([holder, 'mgr-1'].sort()),
  );
  it('when the committee escalates, it is not told of its own escalation', () =>
    expect(tell(escalated('committee', by('com-1', 'committee')))).toEqual(['mgr-1']));
  it('when a ticket is resolved, the reporter and the supporters are told', () => expect(tell(resolved)).toEqual(['res-a', 'res-b']));
  it('when a ticket without a reporter is resolved, only its supporters are told', () =>
    expect(tell(resolved, { ...ticket, reporterId: null })).toEqual(['res-b']));
  it('when the company comments publicly, the reporter and the supporters are told', () =>
    expect(tell(comment(by('staff-2', 'staff')))).toEqual(['res-a', 'res-b']));
  it('when the company comments internally, nobody is told', () => expect(tell(comment(by('staff-2', 'staff'), true))).toEqual([]));
  it('when the committee comments, nobody is told (only a company comment tells the residents)', () =>
    expect(tell(comment(by('com-1', 'committee')))).toEqual([]));
  it('when the reporter comments, the assignee is told', () => expect(tell(comment(by('res-a', 'resident')))).toEqual(['staff-1']));
  it('when the reporter comments on an unassigned ticket, nobody is told', () =>
    expect(tell(comment(by('res-a', 'resident')), { ...ticket, assigneeId: null })).toEqual([]));
  it('when the company waits on the resident, the reporter and the supporters are told', () =>
    expect(tell(waiting('resident'))).toEqual(['res-a', 'res-b']));
  it('when the company waits on parts, nobody is told', () => expect(tell(waiting('parts'))).toEqual([]));
  it('when a supporter of the ticket is also the actor, they are left out', () =>
    expect(tell({ ...resolved, data: { ...resolved.data, by: by('res-b', 'resident') } })).toEqual(['res-a']));
  it('when a recipient was erased, they are left out', () =>
    expect(
      tell(
        filed,
        ticket,
        PEOPLE.map((p) => (p.id === 'staff-2' ? { ...p, erased: true } : p)),
      ),
    ).toEqual(['mgr-1', 'staff-1']));
  it('when an event tells nobody (an action recorded), nobody is told', () =>
    expect(
      tell({
        type: 'TicketActionRecorded',
        data: { ticketId: 't-1', description: '换了配件', recordedAt: at, by: by('staff-1', 'staff') },
      }),
    ).toEqual([]));
});

describe('what the notifier knows of a ticket', () => {
  const known = evolveNotifiedTicket(undefined, filed)!;
  it('when a ticket is filed, it knows its community, company, reporter and title', () =>
    expect(known).toEqual({ ...ticket, assigneeId: null, supporters: [] }));
  it('when a handover completes, the new company is the one told', () => {
    const moved = evolveNotifiedTicket(known, {
      type: 'TicketTransferred',
      data: { ticketId: 't-1', fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', handoverId: 'h-1', transferredAt: at },
    })!;
    expect(tell(breached, { ...moved, assigneeId: null })).toEqual(['com-1', 'mgr-9']);
  });
  it('when a duplicate is merged in, its reporter becomes a supporter and hears of the resolve; the reporter is not counted twice', () => {
    const merged = (supporterId: string | null): TicketEvent => ({
      type: 'TicketDuplicateMerged',
      data: { ticketId: 't-1', duplicateId: 't-2', supporterId, supporterAnonymous: false, mergedAt: at, by: by('staff-1', 'staff') },
    });
    const t = [merged('res-b'), merged('res-a'), merged(null), merged('res-b')].reduce(evolveNotifiedTicket, known)!;
    expect(t.supporters).toEqual(['res-b']);
  });
  it('when a resident supports it, they become a supporter', () =>
    expect(
      evolveNotifiedTicket(known, { type: 'TicketSupported', data: { ticketId: 't-1', supportedAt: at, by: by('res-b', 'resident') } })!
        .supporters,
    ).toEqual(['res-b']));
  it('when an event comes for a ticket it never saw filed, it knows nothing', () =>
    expect(evolveNotifiedTicket(undefined, resolved)).toBeUndefined());
});

describe('what a notification says', () => {
  it('when a ticket is filed, the line is the tag, the community and the title', () =>
    expect(summaryOf(filed, ticket, '前埔一里西小区')).toBe('【新报事】前埔一里西小区 · 3号楼电梯停运'));
  it('when the reporter is anonymous, the line names nobody: the same words as for anyone', () => {
    const line = summaryOf(comment(by('res-a', 'resident')), ticket, '前埔一里西小区');
    expect(line).toBe('【居民留言】前埔一里西小区 · 3号楼电梯停运');
    expect(line).not.toContain('res-a');
  });
  it('when an escalation is told, the line names the level', () =>
    expect(summaryOf(escalated('neighbourhood'), ticket, '前埔一里西小区')).toBe('【已升级至社区】前埔一里西小区 · 3号楼电梯停运'));
  it('when the community name is not known, its id stands in', () =>
    expect(summaryOf(breached, ticket, null)).toBe('【处理已超时】qianpu · 3号楼电梯停运'));
});
