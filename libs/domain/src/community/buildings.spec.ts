import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { communityDecider, type CommunityCommand, type CommunityEvent } from './community';

const given = DeciderSpec.for(communityDecider);
const NOW = '2026-11-02T09:30:00.000Z';
const adminRef = { id: 'adm', roles: ['admin'] as const };

const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const otherManager: Principal = { id: 'mgr-9', roles: ['manager'], communities: [], companyId: 'haiyue' };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const otherCommittee: Principal = { id: 'com-9', roles: ['committee'], communities: ['xingang'] };
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const secretary: Principal = { id: 'sec-1', roles: ['secretary'], communities: ['qianpu'] };

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
    by: adminRef,
  },
};
const appointed: CommunityEvent = {
  type: 'PropertyCompanyAppointed',
  data: { communityId: 'qianpu', companyId: 'haiyue', previousCompanyId: 'jiayuan', handoverId: 'h-1', appointedAt: NOW },
};

const put = (actor: Principal, more: Partial<{ building: string; name: string; units: string[] }> = {}): CommunityCommand => ({
  type: 'SetBuilding',
  data: { building: more.building ?? '3', name: more.name ?? '3号楼', units: more.units ?? ['1单元', '2单元'] },
  metadata: { actor, now: NOW },
});
const building3: CommunityEvent = communityDecider.decide(
  put(admin),
  communityDecider.evolve(communityDecider.initialState(), registered),
)[0];

describe('buildings of a community', () => {
  it('when an admin puts a new building, it is registered with its units', () =>
    given([registered])
      .when(put(admin))
      .then([
        {
          type: 'BuildingRegistered',
          data: { communityId: 'qianpu', building: '3', name: '3号楼', units: ['1单元', '2单元'], registeredAt: NOW, by: adminRef },
        },
      ]));

  it.each([
    ['a manager of the managing company', manager],
    ['the committee of the community', committee],
  ])('when %s puts a building, it is registered', (_, actor) =>
    given([registered])
      .when(put(actor))
      .thenMatches([{ type: 'BuildingRegistered' }]),
  );

  it('when the building exists, a put changes it: name and units as sent', () =>
    given([registered, building3])
      .when(put(committee, { name: '三号楼', units: ['1单元'] }))
      .thenMatches([{ type: 'BuildingChanged', data: { building: '3', name: '三号楼', units: ['1单元'] } as never }]));

  it('when the same building is put again, nothing is appended', () => given([registered, building3]).when(put(manager)).then([]));

  it.each([
    ['staff', staff],
    ['a resident', resident],
    ['the secretary', secretary],
  ])('when %s of the community puts a building, it is forbidden', (_, actor) =>
    given([registered]).when(put(actor)).thenThrows('BUILDINGS_NOT_ALLOWED'),
  );

  it.each([
    ['the committee of another community', otherCommittee],
    ['a manager of another company', otherManager],
  ])('when %s puts a building, the community is not found for them', (_, actor) =>
    given([registered]).when(put(actor)).thenThrows('COMMUNITY_NOT_FOUND'),
  );

  it('when the company was replaced by a handover, its manager no longer registers buildings', () =>
    given([registered, appointed]).when(put(manager)).thenThrows('COMMUNITY_NOT_FOUND'));

  it('when the community is not registered, it is not found', () => given([]).when(put(admin)).thenThrows('COMMUNITY_NOT_FOUND'));

  it.each([
    ['a code outside [a-z0-9-]', { building: '3号楼' }],
    ['a code over 32 characters', { building: 'b'.repeat(33) }],
    ['a name over 50 characters', { name: '楼'.repeat(51) }],
    ['a blank name', { name: '  ' }],
    ['a unit over 20 characters', { units: ['单'.repeat(21)] }],
    ['a unit listed twice', { units: ['1单元', '1单元'] }],
    ['over 200 units', { units: Array.from({ length: 201 }, (_, i) => `${i}室`) }],
  ])('when the building has %s, it is invalid', (_, more) => given([registered]).when(put(admin, more)).thenThrows('INVALID_BUILDING'));

  it('when buildings are registered, the community state holds them by code', () => {
    const state = [registered, building3].reduce(communityDecider.evolve, communityDecider.initialState());
    expect(state.exists && state.buildings).toEqual({ '3': { code: '3', name: '3号楼', units: ['1单元', '2单元'] } });
  });
});
