import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
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
