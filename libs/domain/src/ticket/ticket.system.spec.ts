import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import { nextEscalationAt } from './ticket.system';
import type { TicketEvent } from './ticket.events';

const given = DeciderSpec.for(ticketDecider);
const system: Principal = { id: 'system', roles: ['admin'], communities: [] };
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const community: Community = { exists: true, id: 'qianpu', name: '前埔', propertyCompanyId: 'jiayuan', slaPolicies: {} };
const T0 = '2026-11-02T08:00:00.000Z';
const filed = ticketDecider.decide(
  {
    type: 'FileTicket',
    data: {
      ticketId: 't-1',
      communityId: 'qianpu',
      category: 'elevator',
      title: 't',
      description: 'd',
      location: null,
      channel: 'app',
      community,
    },
    metadata: { actor: resident, now: T0 },
  },
  ticketDecider.initialState(),
)[0];
const by = { id: 'staff-1', roles: ['staff' as const] };
const acked: TicketEvent = { type: 'TicketAcknowledged', data: { ticketId: 't-1', message: 'ok', acknowledgedAt: T0, by } };
const acted: TicketEvent = { type: 'TicketActionRecorded', data: { ticketId: 't-1', description: 'd', recordedAt: T0, by } };
const resolvedAt = '2026-11-02T12:00:00.000Z';
const resolved: TicketEvent = { type: 'TicketResolved', data: { ticketId: 't-1', resolution: 'r', resolvedAt, by } };
const at = (now: string, command: Omit<TicketCommand, 'metadata'>) =>
  ({ ...command, metadata: { actor: system, now, managingCompanyId: 'jiayuan' } }) as TicketCommand;
const breach = (kind: 'acknowledge' | 'resolve', now: string) => at(now, { type: 'BreachSla', data: { kind } } as never);

describe('SLA breaches', () => {
  it('when the acknowledge deadline passes with no response, the breach is recorded with its deadline', () =>
    given([filed])
      .when(breach('acknowledge', '2026-11-02T10:00:00.000Z'))
      .then([
        {
          type: 'TicketSlaBreached',
          data: { ticketId: 't-1', kind: 'acknowledge', deadline: '2026-11-02T10:00:00.000Z', detectedAt: '2026-11-02T10:00:00.000Z' },
        },
      ]));
  it('when the deadline has not passed, nothing happens', () =>
    given([filed]).when(breach('acknowledge', '2026-11-02T09:59:59.999Z')).then([]));
  it('when the company responded in time, nothing happens', () =>
    given([filed, acked]).when(breach('acknowledge', '2026-11-03T00:00:00.000Z')).then([]));
  it('when a public staff comment was the response, nothing happens', () => {
    const comment: TicketEvent = { type: 'TicketCommented', data: { ticketId: 't-1', text: '在看', internal: false, commentedAt: T0, by } };
    given([filed, comment]).when(breach('acknowledge', '2026-11-03T00:00:00.000Z')).then([]);
  });
  it('when the breach was already recorded, it is not recorded again', () => {
    const [breached] = ticketDecider.decide(
      breach('acknowledge', '2026-11-02T11:00:00.000Z'),
      [filed].reduce(ticketDecider.evolve, ticketDecider.initialState()),
    );
    given([filed, breached]).when(breach('acknowledge', '2026-11-02T12:00:00.000Z')).then([]);
  });
  it('when the resolve deadline passes unresolved, the resolve breach is recorded; once resolved, it is not', () => {
    given([filed, acked, acted])
      .when(breach('resolve', '2026-11-03T08:00:00.000Z'))
      .thenMatches([{ type: 'TicketSlaBreached', data: { kind: 'resolve' } as never }]);
    given([filed, acted, resolved]).when(breach('resolve', '2026-11-03T08:00:00.000Z')).then([]);
  });
});

describe('late answers', () => {
  it('when the first response came after the deadline, the breach is still recorded by a late timer', () => {
    const lateAck: TicketEvent = {
      type: 'TicketAcknowledged',
      data: { ticketId: 't-1', message: 'ok', acknowledgedAt: '2026-11-02T11:00:00.000Z', by },
    };
    given([filed, lateAck])
      .when(breach('acknowledge', '2026-11-02T12:00:00.000Z'))
      .thenMatches([{ type: 'TicketSlaBreached', data: { kind: 'acknowledge' } as never }]);
  });
  it('when the first resolve came after the resolve deadline, the breach is still recorded', () => {
    const lateResolve: TicketEvent = {
      type: 'TicketResolved',
      data: { ticketId: 't-1', resolution: 'r', resolvedAt: '2026-11-04T00:00:00.000Z', by },
    };
    given([filed, acted, lateResolve])
      .when(breach('resolve', '2026-11-05T00:00:00.000Z'))
      .thenMatches([{ type: 'TicketSlaBreached', data: { kind: 'resolve' } as never }]);
  });
  it('when a resolve in time was later rejected, the resolve deadline still counts as met', () => {
    const rejected: TicketEvent = {
      type: 'TicketResolutionRejected',
      data: { ticketId: 't-1', reason: 'no', rejectedAt: resolvedAt, by: { id: 'res-1', roles: ['resident'] } },
    };
    given([filed, acted, resolved, rejected]).when(breach('resolve', '2026-11-05T00:00:00.000Z')).then([]);
  });
});

describe('automatic closing', () => {
  it('when a resolved ticket waits 7 days unanswered, it is closed automatically', () =>
    given([filed, acted, resolved])
      .when(at('2026-11-09T12:00:00.000Z', { type: 'AutoCloseTicket', data: {} } as never))
      .then([{ type: 'TicketAutoClosed', data: { ticketId: 't-1', closedAt: '2026-11-09T12:00:00.000Z', resolvedAt } }]));
  it('when fewer than 7 days have passed, nothing happens', () =>
    given([filed, acted, resolved])
      .when(at('2026-11-09T11:59:59.000Z', { type: 'AutoCloseTicket', data: {} } as never))
      .then([]));
  it('when the ticket is not resolved (e.g. reopened), nothing happens', () =>
    given([filed, acted])
      .when(at('2026-12-01T00:00:00.000Z', { type: 'AutoCloseTicket', data: {} } as never))
      .then([]));
});

describe('transfer on handover', () => {
  const transfer = at(T0, {
    type: 'TransferTicket',
    data: { fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', handoverId: 'h-1' },
  } as never);
  it('when an open ticket is transferred, the new company is recorded', () =>
    given([filed])
      .when(transfer)
      .then([
        {
          type: 'TicketTransferred',
          data: { ticketId: 't-1', fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', handoverId: 'h-1', transferredAt: T0 },
        },
      ]));
  it('when already transferred, transferring again changes nothing', () => {
    const [done] = ticketDecider.decide(transfer, [filed].reduce(ticketDecider.evolve, ticketDecider.initialState()));
    given([filed, done]).when(transfer).then([]);
  });
  it('when the ticket is closed, it stays with its company', () => {
    const confirmed: TicketEvent = {
      type: 'TicketResolutionConfirmed',
      data: { ticketId: 't-1', confirmedAt: T0, by: { id: 'res-1', roles: ['resident'] } },
    };
    given([filed, acted, resolved, confirmed]).when(transfer).then([]);
  });
});

describe('SLA warnings (SPEC §4.9: once, at warnAtPercent of a deadline, unmet)', () => {
  const warn = (kind: 'acknowledge' | 'resolve', now: string) => at(now, { type: 'WarnSla', data: { kind } } as never);
  // The lift's default: 120 minutes to answer, 80 % of them is 96.
  it('when 80 % of the acknowledge deadline has passed with no response, the warning is recorded', () =>
    given([filed])
      .when(warn('acknowledge', '2026-11-02T09:36:00.000Z'))
      .then([
        {
          type: 'TicketSlaWarning',
          data: {
            ticketId: 't-1',
            kind: 'acknowledge',
            warnAt: '2026-11-02T09:36:00.000Z',
            deadline: '2026-11-02T10:00:00.000Z',
            detectedAt: '2026-11-02T09:36:00.000Z',
          },
        },
      ]));
  it('when the warning time has not come, nothing happens', () =>
    given([filed]).when(warn('acknowledge', '2026-11-02T09:35:59.999Z')).then([]));
  it('when the company answered before the warning time, nothing happens', () =>
    given([filed, acked]).when(warn('acknowledge', '2026-11-02T09:40:00.000Z')).then([]));
  it('when the warning was recorded, it is not recorded again', () => {
    const [warning] = ticketDecider.decide(
      warn('acknowledge', '2026-11-02T09:40:00.000Z'),
      [filed].reduce(ticketDecider.evolve, ticketDecider.initialState()),
    );
    given([filed, warning]).when(warn('acknowledge', '2026-11-02T09:50:00.000Z')).then([]);
  });
  it('when the ticket was filed before warnings existed, it is never warned', () => {
    const { warnAt: _, ...old } = (filed as Extract<TicketEvent, { type: 'TicketFiled' }>).data;
    given([{ type: 'TicketFiled', data: old }])
      .when(warn('acknowledge', '2026-11-02T09:50:00.000Z'))
      .then([]);
  });
});

describe('the escalation ladder (default [0, 1440, 4320] after a resolve breach)', () => {
  const resolveBy = '2026-11-03T08:00:00.000Z'; // the lift's 24 hours
  const plus = (minutes: number) => new Date(Date.parse(resolveBy) + minutes * 60_000).toISOString();
  const climb = (now: string) => at(now, { type: 'EscalateOverdue', data: {} } as never);
  const breached: TicketEvent = {
    type: 'TicketSlaBreached',
    data: { ticketId: 't-1', kind: 'resolve', deadline: resolveBy, detectedAt: resolveBy },
  };
  const escalated = (level: 'committee' | 'party_branch' | 'neighbourhood', step: number, now: string): TicketEvent => ({
    type: 'TicketEscalated',
    data: {
      ticketId: 't-1',
      level,
      reason: expect.stringContaining(resolveBy) as unknown as string,
      escalatedAt: now,
      by: { id: 'system', roles: ['admin'] },
      cause: 'sla',
      step,
    },
  });
  const stateOf = (events: TicketEvent[]) => events.reduce(ticketDecider.evolve, ticketDecider.initialState());

  it('when the resolve breach is recorded, the committee is called at once, by the system', () =>
    given([filed, acked, breached])
      .when(climb(plus(0)))
      .then([escalated('committee', 0, plus(0))]));

  it('when a day has passed since the breach, the party branch is called; three days, the 社区', () => {
    const first = escalated('committee', 0, plus(0));
    given([filed, acked, breached, first])
      .when(climb(plus(1439)))
      .then([]);
    given([filed, acked, breached, first])
      .when(climb(plus(1440)))
      .then([escalated('party_branch', 1, plus(1440))]);
    const second = escalated('party_branch', 1, plus(1440));
    given([filed, acked, breached, first, second])
      .when(climb(plus(4320)))
      .then([escalated('neighbourhood', 2, plus(4320))]);
  });

  it('when the timer was down for three days, each missed level is recorded once, in order', () =>
    given([filed, acked, breached])
      .when(climb(plus(5000)))
      .then([escalated('committee', 0, plus(5000)), escalated('party_branch', 1, plus(5000)), escalated('neighbourhood', 2, plus(5000))]));

  it('when the committee already escalated to the party branch, the system does not repeat or lower it', () => {
    const manual: TicketEvent = {
      type: 'TicketEscalated',
      data: {
        ticketId: 't-1',
        level: 'party_branch',
        reason: '拖了太久',
        escalatedAt: plus(10),
        by: { id: 'com-1', roles: ['committee'] },
      },
    };
    given([filed, acked, breached, manual])
      .when(climb(plus(1440)))
      .then([]);
    given([filed, acked, breached, manual])
      .when(climb(plus(4320)))
      .then([escalated('neighbourhood', 2, plus(4320))]);
    expect(nextEscalationAt(stateOf([filed, acked, breached, manual]))).toBe(plus(4320));
  });

  it('when the resolve deadline was not breached, or the ticket is resolved, nothing climbs', () => {
    given([filed, acked])
      .when(climb(plus(5000)))
      .then([]);
    given([filed, acked, breached, acted, { ...resolved, data: { ...resolved.data, resolvedAt: plus(5) } }])
      .when(climb(plus(5000)))
      .then([]);
    expect(nextEscalationAt(stateOf([filed, acked]))).toBeNull();
  });

  it('when the ladder is used up, nothing more is due', () => {
    const all = [escalated('committee', 0, plus(0)), escalated('party_branch', 1, plus(1440)), escalated('neighbourhood', 2, plus(4320))];
    given([filed, acked, breached, ...all])
      .when(climb(plus(99_999)))
      .then([]);
    expect(nextEscalationAt(stateOf([filed, acked, breached, ...all]))).toBeNull();
    expect(nextEscalationAt(stateOf([filed, acked, breached]))).toBe(plus(0));
  });

  it('when the ticket was filed before the ladder existed, the system never escalates it', () => {
    const data = (filed as Extract<TicketEvent, { type: 'TicketFiled' }>).data;
    const old: TicketEvent = { type: 'TicketFiled', data: { ...data, sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 } } };
    given([old, acked, breached])
      .when(climb(plus(5000)))
      .then([]);
  });
});
