import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import { completePolicy } from '../catalogue/categories';
import type { Person, RegisteredPerson } from '../person/person.types';
import type { Principal, Role } from '../shared/principal';
import type { NamedPerson, TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { TicketEvent } from './ticket.events';

const given = DeciderSpec.for(ticketDecider);
const T0 = '2026-11-02T08:00:00.000Z';
const NOW = '2026-11-02T09:30:00.000Z';

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const neighbour: Principal = { id: 'res-2', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const otherStaff: Principal = { id: 'staff-9', roles: ['staff'], communities: [], companyId: 'haiyue' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const otherSecretary: Principal = { id: 'sec-9', roles: ['secretary'], communities: ['xingang'] };
const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };

const community: Community = { exists: true, id: 'qianpu', name: '前埔一里西小区', propertyCompanyId: 'jiayuan', slaPolicies: {} };
const by = (p: Principal) => ({ id: p.id, roles: p.roles });

/** A person as their stream says, for the commands that name one. */
const person = (
  id: string,
  roles: Role[],
  more: Partial<{ communities: string[]; companyId: string; erased: boolean }> = {},
): RegisteredPerson => ({
  exists: true,
  id,
  roles,
  communities: more.communities ?? [],
  companyId: more.companyId ?? null,
  erased: more.erased ?? false,
});
const named = (p: RegisteredPerson): NamedPerson => ({ id: p.id, person: p });
const registeredResident = person('res-1', ['resident'], { communities: ['qianpu'] });
const registeredStaff = person('staff-1', ['staff'], { companyId: 'jiayuan' });

const file = (
  actor: Principal,
  overrides: Partial<{ category: string; community: Community; reporter: NamedPerson }> = {},
): TicketCommand => ({
  type: 'FileTicket',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    category: (overrides.category ?? 'elevator') as 'elevator',
    title: '3号楼电梯停运',
    description: '早上八点开始电梯不动了',
    location: { note: '3号楼' },
    channel: 'group_chat',
    community: overrides.community ?? community,
    ...(overrides.reporter ? { reporter: overrides.reporter } : {}),
  },
  metadata: { actor, now: T0 },
});
const cmd = <C extends Exclude<TicketCommand, { type: 'FileTicket' }>>(type: C['type'], data: C['data'], actor: Principal): TicketCommand =>
  ({ type, data, metadata: { actor, now: NOW, managingCompanyId: 'jiayuan' } }) as TicketCommand;

const filed: TicketEvent = ticketDecider.decide(file(resident), ticketDecider.initialState())[0];
const acknowledged: TicketEvent = {
  type: 'TicketAcknowledged',
  data: { ticketId: 't-1', message: '收到', acknowledgedAt: NOW, by: by(staff) },
};
const acted: TicketEvent = {
  type: 'TicketActionRecorded',
  data: { ticketId: 't-1', description: '已报修电梯公司', recordedAt: NOW, by: by(staff) },
};
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { ticketId: 't-1', resolution: '更换控制板', resolvedAt: NOW, by: by(staff) },
};
const confirmed: TicketEvent = { type: 'TicketResolutionConfirmed', data: { ticketId: 't-1', confirmedAt: NOW, by: by(resident) } };
const withdrawn: TicketEvent = { type: 'TicketWithdrawn', data: { ticketId: 't-1', reason: null, withdrawnAt: NOW, by: by(resident) } };
const rated: TicketEvent = { type: 'TicketRated', data: { ticketId: 't-1', score: 5, comment: null, ratedAt: NOW, by: by(resident) } };

describe('filing', () => {
  it('when a resident files in their community, the deadlines come from the default SLA of the category', () => {
    expect(filed).toEqual({
      type: 'TicketFiled',
      data: expect.objectContaining({
        ticketId: 't-1',
        companyId: 'jiayuan',
        reporterId: 'res-1',
        filedAt: T0,
        sla: {
          acknowledgeWithinMinutes: 120,
          resolveWithinMinutes: 1440,
          clock: 'continuous',
          warnAtPercent: 80,
          escalateAfterBreachMinutes: [0, 1440, 4320],
        },
        acknowledgeBy: '2026-11-02T10:00:00.000Z',
        resolveBy: '2026-11-03T08:00:00.000Z',
        // 80 % of 120 and of 1440 minutes, around the clock for a lift.
        warnAt: { acknowledge: '2026-11-02T09:36:00.000Z', resolve: '2026-11-03T03:12:00.000Z' },
      }),
    });
  });

  it('when the community has its own SLA for the category, that policy fixes the deadlines', () => {
    const strict: Community = {
      ...community,
      slaPolicies: {
        sanitation: completePolicy('sanitation', { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 60, clock: 'continuous' }),
      },
    };
    given([])
      .when(file(resident, { category: 'sanitation', community: strict }))
      .thenMatches([{ data: { acknowledgeBy: '2026-11-02T08:30:00.000Z', resolveBy: '2026-11-02T09:00:00.000Z' } as never }]);
  });

  it('when a resident files in a community that is not theirs, it is forbidden', () =>
    given([])
      .when(file({ ...resident, communities: ['xingang'] }))
      .thenThrows('NOT_YOUR_COMMUNITY'));
  it('when staff of another company file, it is forbidden', () => given([]).when(file(otherStaff)).thenThrows('NOT_YOUR_COMMUNITY'));
  it('when the community is unknown, it is not found', () =>
    given([])
      .when(file(resident, { community: { exists: false } }))
      .thenThrows('COMMUNITY_NOT_FOUND'));
  it('when the id is taken, filing again is refused', () => given([filed]).when(file(resident)).thenThrows('TICKET_EXISTS'));
  it('when committee, secretary, managing staff or admin file, it is accepted', () => {
    for (const actor of [committee, staff, admin])
      given([])
        .when(file(actor))
        .thenMatches([{ type: 'TicketFiled' }]);
  });
});

describe('scope', () => {
  it('when the ticket does not exist, any command is not found', () =>
    given([])
      .when(cmd('AcknowledgeTicket', { message: 'x' }, staff))
      .thenThrows('TICKET_NOT_FOUND'));
  it("when another resident acts on someone's ticket, it is not found (not forbidden)", () =>
    given([filed])
      .when(cmd('CommentOnTicket', { text: 'x', internal: false }, neighbour))
      .thenThrows('TICKET_NOT_FOUND'));
  it('when staff of a company that does not manage the community act, it is not found', () =>
    given([filed])
      .when(cmd('AcknowledgeTicket', { message: 'x' }, otherStaff))
      .thenThrows('TICKET_NOT_FOUND'));
  it('when a secretary of another community acts, it is not found', () =>
    given([filed])
      .when(cmd('CommentOnTicket', { text: 'x', internal: false }, otherSecretary))
      .thenThrows('TICKET_NOT_FOUND'));
});

describe('acknowledge', () => {
  it('when staff acknowledge an open ticket, it is acknowledged', () =>
    given([filed])
      .when(cmd('AcknowledgeTicket', { message: '收到' }, staff))
      .then([acknowledged]));
  it('when a ticket was acknowledged, acknowledging again is refused', () =>
    given([filed, acknowledged])
      .when(cmd('AcknowledgeTicket', { message: '收到' }, staff))
      .thenThrows('ALREADY_ACKNOWLEDGED'));
  it('when the reporter tries to acknowledge, it is forbidden', () =>
    given([filed])
      .when(cmd('AcknowledgeTicket', { message: '收到' }, resident))
      .thenThrows('COMPANY_ONLY'));
  it('when the committee tries to acknowledge, it is forbidden', () =>
    given([filed])
      .when(cmd('AcknowledgeTicket', { message: '收到' }, committee))
      .thenThrows('COMPANY_ONLY'));
  it('when the ticket is resolved, acknowledging is refused', () =>
    given([filed, acted, resolved])
      .when(cmd('AcknowledgeTicket', { message: '收到' }, staff))
      .thenThrows('CANNOT_ACKNOWLEDGE'));
});

describe('assign', () => {
  const assign = (assignee: Person | undefined, actor = manager) =>
    cmd('AssignTicket', { assigneeId: 'staff-1', ...(assignee ? { assignee } : {}) }, actor);
  it('when the manager assigns registered staff of the managing company, the assignee is recorded', () =>
    given([filed])
      .when(assign(registeredStaff))
      .then([{ type: 'TicketAssigned', data: { ticketId: 't-1', assigneeId: 'staff-1', assignedAt: NOW, by: by(manager) } }]));
  it('when a manager of the managing company is assigned, it is accepted', () =>
    given([filed])
      .when(assign(person('staff-1', ['manager'], { companyId: 'jiayuan' })))
      .thenMatches([{ type: 'TicketAssigned' }]));
  it('when plain staff assign, it is forbidden', () => given([filed]).when(assign(registeredStaff, staff)).thenThrows('MANAGER_ONLY'));
  it.each([
    ['is not in the directory', { exists: false } as Person],
    ['works for another company', person('staff-1', ['staff'], { companyId: 'haiyue' })],
    ['is a resident', person('staff-1', ['resident'], { communities: ['qianpu'] })],
    ['was erased', person('staff-1', ['staff'], { companyId: 'jiayuan', erased: true })],
    ['was not looked up', undefined],
  ])('when the assignee %s, it is refused naming assigneeId', (_, assignee) => {
    given([filed]).when(assign(assignee)).thenThrows('NOT_A_CANDIDATE');
    expect(() => ticketDecider.decide(assign(assignee), [filed].reduce(ticketDecider.evolve, ticketDecider.initialState()))).toThrow(
      /^assigneeId: /,
    );
  });
});

describe('work and resolution', () => {
  it('when work is recorded, the ticket is in progress', () =>
    given([filed, acknowledged])
      .when(cmd('RecordAction', { description: '已报修电梯公司' }, staff))
      .then([acted]));
  it('when no work was recorded, resolving is refused: "received" is not a fix', () =>
    given([filed, acknowledged])
      .when(cmd('ResolveTicket', { resolution: '已处理' }, staff))
      .thenThrows('RESOLVE_NEEDS_ACTION'));
  it('when work was recorded, staff resolve', () =>
    given([filed, acknowledged, acted])
      .when(cmd('ResolveTicket', { resolution: '更换控制板' }, staff))
      .then([resolved]));
  it('when already resolved, resolving again is refused', () =>
    given([filed, acted, resolved])
      .when(cmd('ResolveTicket', { resolution: 'again' }, staff))
      .thenThrows('ALREADY_RESOLVED'));
  it('when resolved, recording more work is refused until the reporter reopens it', () =>
    given([filed, acted, resolved])
      .when(cmd('RecordAction', { description: 'more' }, staff))
      .thenThrows('CANNOT_RECORD_ACTION'));
  it('when a resident tries to resolve, it is forbidden', () =>
    given([filed, acted])
      .when(cmd('ResolveTicket', { resolution: 'x' }, resident))
      .thenThrows('COMPANY_ONLY'));
});

describe('the reporter closes the loop', () => {
  it('when the reporter confirms a resolved ticket, it is closed', () =>
    given([filed, acted, resolved])
      .when(cmd('ConfirmResolution', {}, resident))
      .then([confirmed]));
  it('when someone else confirms, it is forbidden', () =>
    given([filed, acted, resolved])
      .when(cmd('ConfirmResolution', {}, committee))
      .thenThrows('REPORTER_ONLY'));
  it('when the ticket is not resolved, confirming is refused', () =>
    given([filed, acted])
      .when(cmd('ConfirmResolution', {}, resident))
      .thenThrows('NOT_RESOLVED'));
  it('when the reporter rejects, the ticket is reopened in progress', () => {
    given([filed, acted, resolved])
      .when(cmd('RejectResolution', { reason: '还是不动' }, resident))
      .thenMatches([{ type: 'TicketResolutionRejected' }]);
    const state = [
      filed,
      acted,
      resolved,
      { type: 'TicketResolutionRejected', data: { ticketId: 't-1', reason: 'x', rejectedAt: NOW, by: by(resident) } } as TicketEvent,
    ].reduce(ticketDecider.evolve, ticketDecider.initialState());
    expect(state).toMatchObject({ status: 'in_progress' });
  });
  it('when staff reject, it is forbidden', () =>
    given([filed, acted, resolved])
      .when(cmd('RejectResolution', { reason: 'x' }, staff))
      .thenThrows('REPORTER_ONLY'));
});

describe('rating', () => {
  it('when resolved, the reporter rates once', () =>
    given([filed, acted, resolved])
      .when(cmd('RateTicket', { score: 5, comment: null }, resident))
      .then([rated]));
  it('when closed, the reporter may still rate', () =>
    given([filed, acted, resolved, confirmed])
      .when(cmd('RateTicket', { score: 4, comment: '满意' }, resident))
      .thenMatches([{ type: 'TicketRated' }]));
  it('when already rated, rating again is refused', () =>
    given([filed, acted, resolved, rated])
      .when(cmd('RateTicket', { score: 1, comment: null }, resident))
      .thenThrows('ALREADY_RATED'));
  it('when never resolved, rating is refused', () =>
    given([filed])
      .when(cmd('RateTicket', { score: 3, comment: null }, resident))
      .thenThrows('NOT_RESOLVED'));
  it('when someone else rates, it is forbidden', () =>
    given([filed, acted, resolved])
      .when(cmd('RateTicket', { score: 3, comment: null }, staff))
      .thenThrows('REPORTER_ONLY'));
});

describe('escalation', () => {
  it('when the reporter escalates to the committee, it is recorded', () =>
    given([filed])
      .when(cmd('EscalateTicket', { level: 'committee', reason: '三天没人管' }, resident))
      .thenMatches([{ type: 'TicketEscalated', data: { level: 'committee' } as never }]));
  it('when escalated already, the same or a lower level is refused', () => {
    const up: TicketEvent = {
      type: 'TicketEscalated',
      data: { ticketId: 't-1', level: 'party_branch', reason: 'x', escalatedAt: NOW, by: by(committee) },
    };
    given([filed, up])
      .when(cmd('EscalateTicket', { level: 'committee', reason: 'x' }, resident))
      .thenThrows('ESCALATION_NOT_HIGHER');
    given([filed, up])
      .when(cmd('EscalateTicket', { level: 'subdistrict', reason: 'x' }, committee))
      .thenMatches([{ type: 'TicketEscalated' }]);
  });
  it('when staff escalate, it is forbidden', () =>
    given([filed])
      .when(cmd('EscalateTicket', { level: 'committee', reason: 'x' }, staff))
      .thenThrows('ESCALATE_NOT_ALLOWED'));
});

describe('withdrawal and finished tickets', () => {
  it('when the reporter withdraws before resolution, it is withdrawn', () =>
    given([filed, acknowledged])
      .when(cmd('WithdrawTicket', { reason: null }, resident))
      .then([withdrawn]));
  it('when resolved, withdrawing is refused', () =>
    given([filed, acted, resolved])
      .when(cmd('WithdrawTicket', { reason: null }, resident))
      .thenThrows('CANNOT_WITHDRAW'));
  it('when someone else withdraws, it is forbidden', () =>
    given([filed])
      .when(cmd('WithdrawTicket', { reason: null }, committee))
      .thenThrows('REPORTER_ONLY'));
  it('when closed, anything but rating and comments is refused', () => {
    for (const c of [
      cmd('RecordAction', { description: 'x' }, staff),
      cmd('EscalateTicket', { level: 'committee', reason: 'x' }, resident),
      cmd('AssignTicket', { assigneeId: 'a' }, manager),
    ]) {
      given([filed, acted, resolved, confirmed]).when(c).thenThrows('TICKET_FINISHED');
    }
  });
  it('when withdrawn, comments are still accepted', () =>
    given([filed, withdrawn])
      .when(cmd('CommentOnTicket', { text: '好的', internal: false }, resident))
      .thenMatches([{ type: 'TicketCommented' }]));
});

describe('comments', () => {
  it('when a resident asks for an internal comment, it is forbidden', () =>
    given([filed])
      .when(cmd('CommentOnTicket', { text: 'x', internal: true }, resident))
      .thenThrows('INTERNAL_COMMENT_NOT_ALLOWED'));
  it('when staff or the committee comment internally, it is recorded as internal', () => {
    for (const actor of [staff, committee]) {
      given([filed])
        .when(cmd('CommentOnTicket', { text: '内部', internal: true }, actor))
        .thenMatches([{ data: { internal: true } as never }]);
    }
  });
});

describe('transfer', () => {
  it('when a ticket is transferred, the new company may act and the old one no longer sees it', () => {
    const transferred: TicketEvent = {
      type: 'TicketTransferred',
      data: { ticketId: 't-1', fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', handoverId: 'h-1', transferredAt: NOW },
    };
    const after = (actor: Principal) =>
      ({
        ...cmd('RecordAction', { description: 'x' }, actor),
        metadata: { actor, now: NOW, managingCompanyId: 'haiyue' },
      }) as TicketCommand;
    given([filed, transferred])
      .when(after(otherStaff))
      .thenMatches([{ type: 'TicketActionRecorded' }]);
    given([filed, transferred]).when(after(staff)).thenThrows('TICKET_NOT_FOUND');
  });
});

describe('who is the reporter', () => {
  const reporterOf = (command: TicketCommand) => {
    const [event] = ticketDecider.decide(command, ticketDecider.initialState());
    return event.type === 'TicketFiled' ? event.data.reporterId : undefined;
  };
  const secretary: Principal = { id: 'sec-1', roles: ['secretary'], communities: ['qianpu'] };

  it('when a resident files in their community, they are the reporter', () => expect(reporterOf(file(resident))).toBe('res-1'));
  it.each([
    ['staff of the managing company', staff],
    ['a manager', manager],
    ['the committee', committee],
    ['the secretary', secretary],
    ['an admin', admin],
  ])('when %s file without naming a resident, the ticket has no reporter', (_, actor) => expect(reporterOf(file(actor))).toBeNull());
  it.each([
    ['staff', staff],
    ['a manager', manager],
    ['the committee', committee],
    ['the secretary', secretary],
    ['an admin', admin],
  ])('when %s file naming a registered resident of the community, that resident is the reporter', (_, actor) =>
    expect(reporterOf(file(actor, { reporter: named(registeredResident) }))).toBe('res-1'),
  );
  it('when a resident names a reporter, it is forbidden: a resident files as themself', () =>
    given([])
      .when(file(neighbour, { reporter: named(registeredResident) }))
      .thenThrows('REPORTER_ID_NOT_ALLOWED'));
  it('when someone who is also staff of the managing company lives there and files, the ticket has no reporter (a company never rates its own work)', () =>
    expect(reporterOf(file({ ...staff, roles: ['staff', 'resident'], communities: ['qianpu'] }))).toBeNull());
  it.each([
    ['is not in the directory', { id: 'nobody', person: { exists: false } } as NamedPerson],
    ['was erased', named(person('res-1', ['resident'], { communities: ['qianpu'], erased: true }))],
    ['is not a resident', named(registeredStaff)],
    ['lives in another community', named(person('res-x', ['resident'], { communities: ['xingang'] }))],
  ])('when the person named %s, it is refused naming reporterId', (_, reporter) => {
    given([]).when(file(staff, { reporter })).thenThrows('NOT_A_CANDIDATE');
    expect(() => ticketDecider.decide(file(staff, { reporter }), ticketDecider.initialState())).toThrow(/^reporterId: /);
  });
});

describe('a ticket filed for a resident', () => {
  const forResident = ticketDecider.decide(file(staff, { reporter: named(registeredResident) }), ticketDecider.initialState())[0];
  it('when the named resident confirms, it is closed', () =>
    given([forResident, acted, resolved])
      .when(cmd('ConfirmResolution', {}, resident))
      .then([confirmed]));
  it('when the named resident rates, it is recorded', () =>
    given([forResident, acted, resolved])
      .when(cmd('RateTicket', { score: 5, comment: null }, resident))
      .then([rated]));
  it('when the staff member who filed it rates, it is forbidden: a company never rates its own work', () =>
    given([forResident, acted, resolved])
      .when(cmd('RateTicket', { score: 5, comment: null }, staff))
      .thenThrows('REPORTER_ONLY'));
  it('when the named resident escalates, it is recorded', () =>
    given([forResident])
      .when(cmd('EscalateTicket', { level: 'committee', reason: '没人来' }, resident))
      .thenMatches([{ type: 'TicketEscalated' }]));
});

describe('a ticket without a reporter', () => {
  const unreported = ticketDecider.decide(file(staff), ticketDecider.initialState())[0];
  it.each([
    ['confirm', 'resolved', (a: Principal) => cmd('ConfirmResolution', {}, a)],
    ['reject', 'resolved', (a: Principal) => cmd('RejectResolution', { reason: 'x' }, a)],
    ['rate', 'resolved', (a: Principal) => cmd('RateTicket', { score: 5, comment: null }, a)],
    ['withdraw', 'filed', (a: Principal) => cmd('WithdrawTicket', { reason: null }, a)],
  ] as const)('when anyone tries to %s it, it is forbidden: it has no reporter', (_, stage, command) => {
    const history = stage === 'resolved' ? [unreported, acted, resolved] : [unreported];
    for (const actor of [staff, manager, committee, admin]) given(history).when(command(actor)).thenThrows('NO_REPORTER');
  });
  it('when a resident of the community looks for it, it is not found: it is nobody’s ticket of theirs', () =>
    given([unreported])
      .when(cmd('CommentOnTicket', { text: 'x', internal: false }, resident))
      .thenThrows('TICKET_NOT_FOUND'));
  it('when the committee escalates it, it is recorded: escalation as the reporter is what does not apply', () =>
    given([unreported])
      .when(cmd('EscalateTicket', { level: 'committee', reason: '拖了三天' }, committee))
      .thenMatches([{ type: 'TicketEscalated' }]));
  it('when staff escalate it, it is still forbidden', () =>
    given([unreported])
      .when(cmd('EscalateTicket', { level: 'committee', reason: 'x' }, staff))
      .thenThrows('ESCALATE_NOT_ALLOWED'));
});

describe('the 社区 and 街道 officials', () => {
  const neighbourhood: Principal = { id: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] };
  const subdistrict: Principal = { id: 'sd-1', roles: ['subdistrict'], communities: ['qianpu'] };
  const elsewhere: Principal = { id: 'nb-9', roles: ['neighbourhood'], communities: ['xingang'] };
  const officials = [neighbourhood, subdistrict];

  it('when an official comments, publicly or internally, it is recorded', () => {
    for (const actor of officials)
      for (const internal of [false, true])
        given([filed])
          .when(cmd('CommentOnTicket', { text: '街道已关注', internal }, actor))
          .thenMatches([{ data: { internal } as never }]);
  });
  it('when an official escalates, it is recorded; the level rules are the same', () => {
    for (const actor of officials)
      given([filed])
        .when(cmd('EscalateTicket', { level: 'neighbourhood', reason: '多次反映' }, actor))
        .thenMatches([{ type: 'TicketEscalated', data: { level: 'neighbourhood' } as never }]);
    const up: TicketEvent = {
      type: 'TicketEscalated',
      data: { ticketId: 't-1', level: 'subdistrict', reason: 'x', escalatedAt: NOW, by: by(subdistrict) },
    };
    given([filed, up])
      .when(cmd('EscalateTicket', { level: 'neighbourhood', reason: 'x' }, neighbourhood))
      .thenThrows('ESCALATION_NOT_HIGHER');
  });
  it('when an official files a ticket, it is forbidden: they oversee, they do not file', () => {
    for (const actor of officials) given([]).when(file(actor)).thenThrows('NOT_YOUR_COMMUNITY');
  });
  it('when an official acknowledges, assigns, confirms or rates, it is forbidden', () => {
    for (const actor of officials) {
      given([filed])
        .when(cmd('AcknowledgeTicket', { message: 'x' }, actor))
        .thenThrows('COMPANY_ONLY');
      given([filed])
        .when(cmd('AssignTicket', { assigneeId: 'staff-1', assignee: registeredStaff }, actor))
        .thenThrows('MANAGER_ONLY');
      given([filed, acted, resolved])
        .when(cmd('ConfirmResolution', {}, actor))
        .thenThrows('REPORTER_ONLY');
      given([filed, acted, resolved])
        .when(cmd('RateTicket', { score: 5, comment: null }, actor))
        .thenThrows('REPORTER_ONLY');
    }
  });
  it('when an official of another community acts, the ticket is not found', () =>
    given([filed])
      .when(cmd('CommentOnTicket', { text: 'x', internal: false }, elsewhere))
      .thenThrows('TICKET_NOT_FOUND'));
});
