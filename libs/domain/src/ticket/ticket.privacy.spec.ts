import type { Principal } from '../shared/principal';
import type { TicketEvent } from './ticket.events';
import { ANONYMOUS_REPORTER, hiddenReporters, maskIds, maskReporter, seesAsNeighbour, seesReporter } from './ticket.privacy';

const reporter: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const neighbour: Principal = { id: 'res-2', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const manager: Principal = { id: 'mgr-9', roles: ['manager'], communities: ['qianpu'], companyId: 'haiyue' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const secretary: Principal = { id: 'sec-1', roles: ['secretary'], communities: ['qianpu'] };
const official: Principal = { id: 'nb-1', roles: ['subdistrict'], communities: ['qianpu'] };
const otherCommittee: Principal = { id: 'com-9', roles: ['committee'], communities: ['xingang'] };
const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };

const ticket = {
  communityId: 'qianpu',
  reporterId: 'res-1',
  managingCompanyId: 'jiayuan',
  anonymous: true,
  visibility: 'private' as const,
};

describe('who sees an anonymous reporter', () => {
  it("when the company's staff or a manager (of any company) look, they do not", () => {
    expect(seesReporter(staff, ticket)).toBe(false);
    expect(seesReporter(manager, ticket)).toBe(false);
  });
  it("when the community's committee, secretary or officials, an admin or the reporter look, they do", () => {
    for (const viewer of [committee, secretary, official, admin, reporter]) expect(seesReporter(viewer, ticket)).toBe(true);
  });
  it("when another community's committee looks, it does not", () => expect(seesReporter(otherCommittee, ticket)).toBe(false));
  it('when the ticket is not anonymous, everyone in scope does', () =>
    expect(seesReporter(staff, { ...ticket, anonymous: false })).toBe(true));
});

describe('masking a ticket view', () => {
  const view = { ...ticket, id: 't-1', reporterId: 'res-1' };
  it('when staff read an anonymous ticket, reporterId is null and the display is 匿名居民', () =>
    expect(maskReporter(staff, view)).toEqual({ ...view, reporterId: null, reporter: ANONYMOUS_REPORTER }));
  it('when the committee reads it, it is unchanged', () => expect(maskReporter(committee, view)).toBe(view));
});

describe('neighbours', () => {
  it('when a resident of the community looks at a community-visible ticket of another, they see it as a neighbour', () =>
    expect(seesAsNeighbour(neighbour, { ...ticket, visibility: 'community' })).toBe(true));
  it('when it is private, they do not', () => expect(seesAsNeighbour(neighbour, ticket)).toBe(false));
  it('when the reporter looks, they see it whole, not as a neighbour', () =>
    expect(seesAsNeighbour(reporter, { ...ticket, visibility: 'community' })).toBe(false));
});

describe('masking timeline data', () => {
  const by = { id: 'res-1', roles: ['resident'] };
  it('when an actor reference names a hidden id, it becomes the anonymous actor', () =>
    expect(maskIds({ ticketId: 't-1', by }, new Set(['res-1']))).toEqual({
      ticketId: 't-1',
      by: { id: null, name: ANONYMOUS_REPORTER, roles: ['resident'] },
    }));
  it('when a field holds a hidden id, it becomes null', () =>
    expect(maskIds({ reporterId: 'res-1', other: 'res-2' }, new Set(['res-1']))).toEqual({ reporterId: null, other: 'res-2' }));
  it('when nothing is hidden, the data is returned as it is', () => {
    const data = { by };
    expect(maskIds(data, new Set())).toBe(data);
  });
  it("when an anonymous duplicate's reporter was carried over as a supporter, staff do not learn who", () => {
    const merged: TicketEvent = {
      type: 'TicketDuplicateMerged',
      data: {
        ticketId: 't-2',
        duplicateId: 't-1',
        supporterId: 'res-3',
        supporterAnonymous: true,
        mergedAt: 'x',
        by: { id: 'staff-1', roles: ['staff'] },
      },
    };
    const primary = { ...ticket, anonymous: false, reporterId: 'res-2' };
    expect([...hiddenReporters(staff, primary, [merged])]).toEqual(['res-3']);
    expect([...hiddenReporters(committee, primary, [merged])]).toEqual([]);
  });
});
