import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import { locationOf, type TicketLocation } from './ticket.place';

const given = DeciderSpec.for(ticketDecider);
const T0 = '2026-11-02T08:00:00.000Z';
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const community: Community = {
  exists: true,
  id: 'qianpu',
  name: '前埔一里西小区',
  propertyCompanyId: 'jiayuan',
  slaPolicies: {},
  buildings: { '3': { code: '3', name: '3号楼', units: ['1单元', '2单元'] }, '5': { code: '5', name: '5号楼', units: [] } },
};

const file = (location: TicketLocation | null, where: Community = community): TicketCommand => ({
  type: 'FileTicket',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '早上八点开始电梯不动了',
    location,
    channel: 'app',
    community: where,
  },
  metadata: { actor: resident, now: T0 },
});

describe('the place of a new ticket (SPEC §4.5)', () => {
  it('when the building and unit are registered, the ticket is filed with the whole place', () => {
    const place = { building: '3', unit: '2单元', room: '1203', note: '电梯厅' };
    given([])
      .when(file(place))
      .thenMatches([{ type: 'TicketFiled', data: { location: place } as never }]);
  });

  it('when only a public area is named, no building is needed', () =>
    given([])
      .when(file({ area: '地下车库' }))
      .thenMatches([{ data: { location: { area: '地下车库' } } as never }]));

  it('when the building is not registered for the community, the filing is refused naming location.building', () => {
    given([])
      .when(file({ building: '9' }))
      .thenThrows('UNKNOWN_BUILDING');
    expect(() => ticketDecider.decide(file({ building: '9' }), ticketDecider.initialState())).toThrow(/^location\.building: 9/);
  });

  it('when the unit is not one of the building, the filing is refused naming location.unit', () => {
    given([])
      .when(file({ building: '3', unit: '9单元' }))
      .thenThrows('UNKNOWN_UNIT');
    expect(() => ticketDecider.decide(file({ building: '5', unit: '1单元' }), ticketDecider.initialState())).toThrow(/^location\.unit: /);
  });

  it('when a unit is named without a building, the filing is refused naming location.unit', () =>
    given([])
      .when(file({ unit: '1单元' }))
      .thenThrows('UNKNOWN_UNIT'));

  it('when the community state predates buildings, a building is unknown', () => {
    const old: Community = { exists: true, id: 'qianpu', name: 'x', propertyCompanyId: 'jiayuan', slaPolicies: {} };
    given([])
      .when(file({ building: '3' }, old))
      .thenThrows('UNKNOWN_BUILDING');
  });

  it('when a plain string is sent, it is kept as the note', () => {
    expect(locationOf('3号楼2单元')).toEqual({ note: '3号楼2单元' });
    given([])
      .when(file(locationOf('3号楼2单元')))
      .thenMatches([{ data: { location: { note: '3号楼2单元' } } as never }]);
  });

  it('when nothing or an empty place is sent, the location is null', () => {
    expect(locationOf(undefined)).toBeNull();
    expect(locationOf(null)).toBeNull();
    expect(locationOf({})).toBeNull();
    given([])
      .when(file(null))
      .thenMatches([{ data: { location: null } as never }]);
  });
});
