import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { communityDecider, type CommunityCommand, type CommunityEvent } from './community';

const given = DeciderSpec.for(communityDecider);
const NOW = '2026-12-03T02:00:00.000Z';

const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };

const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: {
    communityId: 'qianpu',
    name: '前埔一里西小区',
    subdistrict: '前埔',
    neighbourhood: '前埔一里',
    households: null,
    propertyCompanyId: 'jiayuan',
    registeredAt: NOW,
    by: { id: 'adm', roles: ['admin'] },
  },
};
const set = (actor: Principal, start = '08:00', end = '17:00'): CommunityCommand => ({
  type: 'SetWorkingHours',
  data: { start, end },
  metadata: { actor, now: NOW },
});
const setByManager: CommunityEvent = {
  type: 'WorkingHoursSet',
  data: { communityId: 'qianpu', start: '08:00', end: '17:00', setAt: NOW, by: { id: 'mgr-1', roles: ['manager'] } },
};

describe("a community's working hours", () => {
  it('when a manager of the managing company sets them, they are recorded', () =>
    given([registered]).when(set(manager)).then([setByManager]));

  it('when an admin sets them, they are recorded', () =>
    given([registered])
      .when(set(admin))
      .then([{ ...setByManager, data: { ...setByManager.data, by: { id: 'adm', roles: ['admin'] } } }]));

  it('when set, the state holds them for the business clock', () => {
    const state = [registered, setByManager].reduce(communityDecider.evolve, communityDecider.initialState());
    expect(state.exists && state.workingHours).toEqual({ start: '08:00', end: '17:00' });
  });

  it('when the same hours are set again, nothing is appended', () => given([registered, setByManager]).when(set(admin)).then([]));

  it.each([
    ['a manager of another company', { id: 'mgr-9', roles: ['manager'], communities: [], companyId: 'haiyue' }],
    ['staff of the managing company', { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' }],
    ['the committee', { id: 'com-1', roles: ['committee'], communities: ['qianpu'] }],
    ['a resident', { id: 'res-1', roles: ['resident'], communities: ['qianpu'] }],
  ] as [string, Principal][])('when %s sets them, it is refused', (_, actor) =>
    given([registered]).when(set(actor)).thenThrows('WORKING_HOURS_NOT_ALLOWED'),
  );

  it('when the community is not registered, it is not found', () => given([]).when(set(admin)).thenThrows('COMMUNITY_NOT_FOUND'));

  it.each([
    ['a time that is not HH:MM', '8:00', '17:00'],
    ['an end before the start', '17:00', '08:00'],
    ['an end equal to the start', '09:00', '09:00'],
  ])('when the body has %s, it is refused', (_, start, end) =>
    given([registered])
      .when(set(admin, start, end))
      .thenThrows('WORKING_HOURS_INVALID'),
  );
});
