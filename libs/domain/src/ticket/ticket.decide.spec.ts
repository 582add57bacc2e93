import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
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

const file = (actor: Principal, overrides: Partial<{ category: string; community: Community }> = {}): TicketCommand => ({
  type: 'FileTicket',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    category: (overrides.category ?? 'elevator') as 'elevator',
    title: '3号楼电梯停运',
    description: '早上八点开始电梯不动了',
    location: '3号楼',
    channel: 'group_chat',
    community: overrides.community ?? community,
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
        sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 },
        acknowledgeBy: '2026-11-02T10:00:00.000Z',
        resolveBy: '2026-11-03T08:00:00.000Z',
      }),
    });
  });

  it('when the community has its own SLA for the category, that policy fixes the deadlines', () => {
    const strict: Community = { ...community, slaPolicies: { sanitation: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 60 } } };
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
  it('when the manager assigns, the assignee is recorded', () =>
    given([filed])
      .when(cmd('AssignTicket', { assigneeId: 'staff-1' }, manager))
      .thenMatches([{ type: 'TicketAssigned', data: { assigneeId: 'staff-1' } as never }]));
  it('when plain staff assign, it is forbidden', () =>
    given([filed])
      .when(cmd('AssignTicket', { assigneeId: 'staff-1' }, staff))
      .thenThrows('MANAGER_ONLY'));
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
