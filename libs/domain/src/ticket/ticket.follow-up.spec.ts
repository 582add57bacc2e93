import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import type { FollowUpTicket, TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { TicketEvent, TicketFiled } from './ticket.events';

const given = DeciderSpec.for(ticketDecider);
const T0 = '2026-11-02T08:00:00.000Z';
const NOW = '2026-11-05T10:00:00.000Z';

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const otherManager: Principal = { id: 'mgr-9', roles: ['manager'], communities: [], companyId: 'haiyue' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const secretary: Principal = { id: 'sec-1', roles: ['secretary'], communities: ['qianpu'] };
const otherSecretary: Principal = { id: 'sec-9', roles: ['secretary'], communities: ['xingang'] };
const official: Principal = { id: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] };
const by = (p: Principal) => ({ id: p.id, roles: p.roles });

const filedFor = (reporterId: string | null): TicketFiled => ({
  type: 'TicketFiled',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    companyId: 'jiayuan',
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '电梯不动了',
    location: null,
    channel: 'phone',
    reporterId,
    filedAt: T0,
    sla: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 240 },
    acknowledgeBy: T0,
    resolveBy: T0,
    by: by(reporterId ? resident : secretary),
  },
});
const acted: TicketEvent = { type: 'TicketActionRecorded', data: { ticketId: 't-1', description: '修', recordedAt: T0, by: by(staff) } };
const resolved: TicketEvent = { type: 'TicketResolved', data: { ticketId: 't-1', resolution: '好了', resolvedAt: T0, by: by(staff) } };
const confirmed: TicketEvent = { type: 'TicketResolutionConfirmed', data: { ticketId: 't-1', confirmedAt: T0, by: by(resident) } };
const withdrawn: TicketEvent = { type: 'TicketWithdrawn', data: { ticketId: 't-1', reason: null, withdrawnAt: T0, by: by(resident) } };

const withReporter = [filedFor('res-1'), acted, resolved];
const withoutReporter = [filedFor(null), acted, resolved];

const followUp = (actor: Principal, data: Partial<FollowUpTicket['data']> = {}): TicketCommand => ({
  type: 'FollowUpTicket',
  data: { method: 'phone', reached: true, score: 4, note: null, ...data },
  metadata: { actor, now: NOW, managingCompanyId: 'jiayuan' },
});
const followedUp = (actor: Principal, data: Partial<FollowUpTicket['data']> = {}): TicketEvent => ({
  type: 'TicketFollowedUp',
  data: { ticketId: 't-1', method: 'phone', reached: true, score: 4, note: null, followedUpAt: NOW, by: by(actor), ...data },
});
const reopened = (actor: Principal): TicketEvent => ({
  type: 'TicketReopened',
  data: { ticketId: 't-1', cause: 'follow_up', reopenedAt: NOW, by: by(actor) },
});
const closed = (actor: Principal): TicketEvent => ({
  type: 'TicketClosedByFollowUp',
  data: { ticketId: 't-1', closedAt: NOW, resolvedAt: T0, by: by(actor) },
});
const statusAfter = (events: TicketEvent[]) => {
  const state = events.reduce(ticketDecider.evolve, ticketDecider.initialState());
  return state.exists ? state.status : null;
};

describe('who follows up', () => {
  it.each([
    ['the managing company’s manager', manager],
    ['the committee', committee],
    ['the secretary', secretary],
  ])('when %s follows up a resolved ticket, it is recorded', (_who, actor) =>
    given(withReporter)
      .when(followUp(actor))
      .then([followedUp(actor)]),
  );
  it.each([
    ['staff', staff],
    ['the reporter', resident],
    ['a 社区 official, who sees the ticket', official],
  ])('when %s follows up, it is forbidden', (_who, actor) => given(withReporter).when(followUp(actor)).thenThrows('FOLLOW_UP_NOT_ALLOWED'));
  it('when another company’s manager follows up, the ticket is not found', () =>
    given(withReporter).when(followUp(otherManager)).thenThrows('TICKET_NOT_FOUND'));
  it('when another community’s secretary follows up, the ticket is not found', () =>
    given(withReporter).when(followUp(otherSecretary)).thenThrows('TICKET_NOT_FOUND'));
});

describe('when a follow-up may be recorded', () => {
  it('when the ticket is not resolved yet, it is refused', () =>
    given([filedFor('res-1'), acted])
      .when(followUp(manager))
      .thenThrows('FOLLOW_UP_BEFORE_RESOLVE'));
  it('when the ticket was withdrawn, it is refused', () =>
    given([filedFor('res-1'), withdrawn])
      .when(followUp(manager))
      .thenThrows('FOLLOW_UP_BEFORE_RESOLVE'));
  it('when nobody was reached but a score is given, it is invalid', () =>
    given(withReporter)
      .when(followUp(manager, { reached: false, score: 3 }))
      .thenThrows('SCORE_WITHOUT_REACH'));
  it('when nobody was reached, it is recorded without a score and changes nothing', () =>
    given(withReporter)
      .when(followUp(manager, { reached: false, score: null, method: 'visit', note: '家中无人' }))
      .then([followedUp(manager, { reached: false, score: null, method: 'visit', note: '家中无人' })]));
});

describe('what the answer does', () => {
  it.each([1, 2])('when a reached resident scores %i on a resolved ticket, it is reopened as a reject would', (score) =>
    given(withReporter)
      .when(followUp(committee, { score }))
      .then([followedUp(committee, { score }), reopened(committee)]),
  );
  it('when a poor follow-up reopens it, the ticket is in progress again', () =>
    expect(statusAfter([...withReporter, followedUp(manager, { score: 1 }), reopened(manager)])).toBe('in_progress'));
  it('when a ticket without a reporter is scored poorly, it is reopened too', () =>
    given(withoutReporter)
      .when(followUp(manager, { score: 2 }))
      .then([followedUp(manager, { score: 2 }), reopened(manager)]));
  it.each([3, 4, 5])('when a reached resident scores %i on a resolved ticket without a reporter, it is closed', (score) =>
    given(withoutReporter)
      .when(followUp(secretary, { score }))
      .then([followedUp(secretary, { score }), closed(secretary)]),
  );
  it('when a follow-up closes it, the ticket is closed', () =>
    expect(statusAfter([...withoutReporter, followedUp(manager), closed(manager)])).toBe('closed'));
  it('when the ticket has a reporter, a satisfied score leaves it to the reporter to confirm', () =>
    given(withReporter)
      .when(followUp(manager, { score: 5 }))
      .then([followedUp(manager, { score: 5 })]));
  it('when a ticket without a reporter was reached with no score, it stays resolved', () =>
    given(withoutReporter)
      .when(followUp(manager, { score: null }))
      .then([followedUp(manager, { score: null })]));
  it('when the ticket is closed, a poor score neither reopens nor closes it', () =>
    given([...withReporter, confirmed])
      .when(followUp(manager, { score: 1 }))
      .then([followedUp(manager, { score: 1 })]));
  it('when a ticket without a reporter is already closed, a satisfied score appends no second close', () =>
    given([...withoutReporter, followedUp(manager), closed(manager)])
      .when(followUp(manager, { score: 5 }))
      .then([followedUp(manager, { score: 5 })]));
  it('when a ticket reopened by a follow-up is followed up again before a new resolve, it is refused', () =>
    given([...withReporter, followedUp(manager, { score: 1 }), reopened(manager)])
      .when(followUp(manager))
      .thenThrows('FOLLOW_UP_BEFORE_RESOLVE'));
});
