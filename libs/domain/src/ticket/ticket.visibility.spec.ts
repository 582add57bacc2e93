import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { TicketEvent } from './ticket.events';

const NOW = '2026-11-02T09:30:00.000Z';
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const neighbour: Principal = { id: 'res-2', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const official: Principal = { id: 'sq-1', roles: ['neighbourhood'], communities: ['qianpu'] };
const community: Community = { exists: true, id: 'qianpu', name: '前埔', propertyCompanyId: 'jiayuan', slaPolicies: {} };

const filed = ticketDecider.decide(
  {
    type: 'FileTicket',
    data: {
      ticketId: 't-1',
      communityId: 'qianpu',
      category: 'greenery',
      title: '路灯',
      description: '不亮',
      location: null,
      channel: 'app',
      community,
    },
    metadata: { actor: resident, now: NOW },
  },
  ticketDecider.initialState(),
);
const change = (actor: Principal, visibility: 'private' | 'community'): TicketCommand => ({
  type: 'ChangeVisibility',
  data: { visibility },
  metadata: { actor, now: NOW, managingCompanyId: 'jiayuan' },
});
const run = (history: TicketEvent[], command: TicketCommand) =>
  ticketDecider.decide(command, history.reduce(ticketDecider.evolve, ticketDecider.initialState()));
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('who sees a ticket (SPEC §4.7)', () => {
  it('when the reporter, the managing company or the committee shows it to the community, it is recorded', () => {
    for (const actor of [resident, staff, committee]) {
      expect(run(filed, change(actor, 'community'))).toMatchObject([
        { type: 'TicketVisibilityChanged', data: { visibility: 'community' } },
      ]);
    }
  });

  it('when it already is so, nothing is appended', () => {
    const shown = run(filed, change(staff, 'community'));
    expect(run([...filed, ...shown], change(resident, 'community'))).toEqual([]);
    expect(run([...filed, ...shown], change(resident, 'private'))).toMatchObject([{ data: { visibility: 'private' } }]);
  });

  it('when an official, who oversees but does not run the estate, changes it, it is forbidden; a neighbour does not even see it', () => {
    expect(codeOf(() => run(filed, change(official, 'community')))).toBe('VISIBILITY_NOT_ALLOWED');
    expect(codeOf(() => run(filed, change(neighbour, 'community')))).toBe('TICKET_NOT_FOUND');
  });

  it('when the ticket is withdrawn, it is refused', () => {
    const withdrawn = run(filed, {
      type: 'WithdrawTicket',
      data: { reason: null },
      metadata: { actor: resident, now: NOW, managingCompanyId: 'jiayuan' },
    });
    expect(codeOf(() => run([...filed, ...withdrawn], change(staff, 'community')))).toBe('TICKET_FINISHED');
  });
});
