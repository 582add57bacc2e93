import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { personDecider, type PersonCommand, type PersonEvent, type PersonLookups } from './person';
import {
  canSeePerson,
  maskPhone,
  mayManage,
  mustBeAssigneeCandidate,
  mustBeReporterCandidate,
  NO_SCOPE,
  type PeopleScope,
} from './person.access';

const given = DeciderSpec.for(personDecider);
const NOW = '2026-12-03T08:00:00.000Z';

const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const official: Principal = { id: 'sq-1', roles: ['neighbourhood'], communities: ['qianpu', 'xingang'] };
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const by = (p: Principal) => ({ id: p.id, roles: p.roles });

/** jiayuan manages qianpu; haiyue manages xingang. */
const scopeOf = (p: Principal): PeopleScope => ({
  managedCommunities: p.companyId === 'jiayuan' ? ['qianpu'] : p.companyId === 'haiyue' ? ['xingang'] : [],
  companiesOfMyCommunities: p.communities.map((c) => (c === 'qianpu' ? 'jiayuan' : 'haiyue')),
});
const lookups = (actor: Principal, over: Partial<PersonLookups> = {}): PersonLookups => ({
  scope: scopeOf(actor),
  companyExists: true,
  unknownCommunities: [],
  ...over,
});

const register = (
  actor: Principal,
  shape: { roles: Principal['roles']; communities?: string[]; companyId?: string | null },
  over: Partial<PersonLookups> = {},
): PersonCommand => ({
  type: 'RegisterPerson',
  data: {
    personId: 'p-1',
    roles: shape.roles,
    communities: shape.communities ?? [],
    companyId: shape.companyId ?? null,
    lookups: lookups(actor, over),
  },
  metadata: { actor, now: NOW },
});

const residentRegistered: PersonEvent = {
  type: 'PersonRegistered',
  data: { personId: 'p-1', roles: ['resident'], communities: ['qianpu'], companyId: null, registeredAt: NOW, by: by(admin) },
};
/** A partial event for thenMatches. */
const like = (partial: object) => partial as unknown as PersonEvent;

describe('registering people', () => {
  it('when an admin registers a resident, the event carries ids and roles only', () =>
    given([])
      .when(register(admin, { roles: ['resident'], communities: ['qianpu'] }))
      .then([residentRegistered]));

  it('when the id is taken, it is a conflict', () =>
    given([residentRegistered])
      .when(register(admin, { roles: ['resident'], communities: ['qianpu'] }))
      .thenThrows('PERSON_EXISTS'));

  it('when a manager registers staff of their own company, it is recorded', () =>
    given([])
      .when(register(manager, { roles: ['staff'], companyId: 'jiayuan' }))
      .thenMatches([like({ type: 'PersonRegistered', data: { roles: ['staff'], companyId: 'jiayuan' } })]));

  it("when a manager registers another company's staff, it is forbidden", () =>
    given([])
      .when(register(manager, { roles: ['staff'], companyId: 'haiyue' }))
      .thenThrows('PEOPLE_NOT_ALLOWED'));

  it('when a manager registers a resident or an admin, it is forbidden', () => {
    given([])
      .when(register(manager, { roles: ['resident'], communities: ['qianpu'] }))
      .thenThrows('PEOPLE_NOT_ALLOWED');
    given([])
      .when(register(manager, { roles: ['admin'] }))
      .thenThrows('PEOPLE_NOT_ALLOWED');
  });

  it('when the committee registers a resident of its community, it is recorded; of another community, forbidden', () => {
    given([])
      .when(register(committee, { roles: ['resident'], communities: ['qianpu'] }))
      .thenMatches([{ type: 'PersonRegistered' }]);
    given([])
      .when(register(committee, { roles: ['resident'], communities: ['xingang'] }))
      .thenThrows('PEOPLE_NOT_ALLOWED');
    given([])
      .when(register(committee, { roles: ['staff'], companyId: 'jiayuan' }))
      .thenThrows('PEOPLE_NOT_ALLOWED');
  });

  it('when staff, residents or officials register anyone, it is forbidden', () => {
    for (const actor of [staff, resident, official]) {
      given([])
        .when(register(actor, { roles: ['resident'], communities: ['qianpu'] }))
        .thenThrows('PEOPLE_NOT_ALLOWED');
    }
  });

  it('staff and managers need a company, others may not have one, and the company must exist', () => {
    given([])
      .when(register(admin, { roles: ['staff'] }))
      .thenThrows('COMPANY_ROLE_NEEDS_COMPANY');
    given([])
      .when(register(admin, { roles: ['resident'], communities: ['qianpu'], companyId: 'jiayuan' }))
      .thenThrows('COMPANY_ONLY_FOR_COMPANY_ROLES');
    given([])
      .when(register(admin, { roles: ['staff'], companyId: 'nowhere' }, { companyExists: false }))
      .thenThrows('UNKNOWN_COMPANY');
  });

  it('community roles need communities, and the communities must exist', () => {
    given([])
      .when(register(admin, { roles: ['neighbourhood'] }))
      .thenThrows('COMMUNITIES_NEEDED');
    given([])
      .when(register(admin, { roles: ['resident'], communities: ['atlantis'] }, { unknownCommunities: ['atlantis'] }))
      .thenThrows('UNKNOWN_COMMUNITIES');
  });
});

describe('changing roles', () => {
  const change = (actor: Principal, roles: Principal['roles'], communities: string[]): PersonCommand => ({
    type: 'ChangePersonRoles',
    data: { roles, communities, lookups: lookups(actor) },
    metadata: { actor, now: NOW },
  });

  it('when an admin makes a resident a committee member, it is recorded', () =>
    given([residentRegistered])
      .when(change(admin, ['resident', 'committee'], ['qianpu']))
      .then([
        {
          type: 'PersonRolesChanged',
          data: { personId: 'p-1', roles: ['resident', 'committee'], communities: ['qianpu'], changedAt: NOW, by: by(admin) },
        },
      ]));

  it('when the committee promotes a resident to secretary, it is forbidden (they register residents only)', () =>
    given([residentRegistered])
      .when(change(committee, ['secretary'], ['qianpu']))
      .thenThrows('PEOPLE_NOT_ALLOWED'));

  it('when the committee moves a resident to a community it does not oversee, it is forbidden', () =>
    given([residentRegistered])
      .when(change(committee, ['resident'], ['xingang']))
      .thenThrows('PEOPLE_NOT_ALLOWED'));

  it('when a resident changes their own roles, it is forbidden', () => {
    const self: Principal = { id: 'p-1', roles: ['resident'], communities: ['qianpu'] };
    given([residentRegistered])
      .when(change(self, ['admin'], []))
      .thenThrows('PEOPLE_NOT_ALLOWED');
  });

  it('when the person is not registered or out of sight, it is not found', () => {
    given([])
      .when(change(admin, ['resident'], ['qianpu']))
      .thenThrows('PERSON_NOT_FOUND');
    const farAway: Principal = { id: 'com-9', roles: ['committee'], communities: ['xingang'] };
    given([residentRegistered])
      .when(change(farAway, ['resident'], ['xingang']))
      .thenThrows('PERSON_NOT_FOUND');
  });
});

describe('erasing personal data', () => {
  const erase = (actor: Principal): PersonCommand => ({
    type: 'ErasePersonalData',
    data: { scope: scopeOf(actor) },
    metadata: { actor, now: NOW },
  });
  const self: Principal = { id: 'p-1', roles: ['resident'], communities: ['qianpu'] };
  const erased: PersonEvent = { type: 'PersonalDataErased', data: { personId: 'p-1', erasedAt: NOW, by: by(self) } };

  it('when the person erases their own data, it is recorded', () => given([residentRegistered]).when(erase(self)).then([erased]));

  it('when an admin erases it, it is recorded', () =>
    given([residentRegistered])
      .when(erase(admin))
      .thenMatches([like({ type: 'PersonalDataErased', data: { by: by(admin) } })]));

  it('when the committee, who sees the person, erases it, it is forbidden', () =>
    given([residentRegistered]).when(erase(committee)).thenThrows('ONLY_SELF_OR_ADMIN'));

  it('when it was erased already, nothing more is appended', () => given([residentRegistered, erased]).when(erase(self)).then([]));
});

describe('who sees whom (SPEC §2.1)', () => {
  const person = (over: Partial<{ id: string; roles: Principal['roles']; communities: string[]; companyId: string | null }>) => ({
    exists: true as const,
    id: 'p-1',
    roles: ['resident'] as Principal['roles'],
    communities: ['qianpu'],
    companyId: null,
    erased: false,
    ...over,
  });

  it('company users see their company and the residents of the communities it manages, nobody else', () => {
    expect(canSeePerson(staff, person({}), scopeOf(staff))).toBe(true);
    expect(canSeePerson(staff, person({ communities: ['xingang'] }), scopeOf(staff))).toBe(false);
    expect(canSeePerson(staff, person({ roles: ['staff'], communities: [], companyId: 'jiayuan' }), scopeOf(staff))).toBe(true);
    expect(canSeePerson(staff, person({ roles: ['staff'], communities: [], companyId: 'haiyue' }), scopeOf(staff))).toBe(false);
    expect(canSeePerson(staff, person({ roles: ['committee'] }), scopeOf(staff))).toBe(false);
  });

  it('overseers see the people of their communities and the staff of the companies managing them', () => {
    expect(canSeePerson(committee, person({ roles: ['secretary'] }), scopeOf(committee))).toBe(true);
    expect(canSeePerson(committee, person({ roles: ['staff'], communities: [], companyId: 'jiayuan' }), scopeOf(committee))).toBe(true);
    expect(canSeePerson(committee, person({ roles: ['staff'], communities: [], companyId: 'haiyue' }), scopeOf(committee))).toBe(false);
    expect(canSeePerson(official, person({ communities: ['xingang'] }), scopeOf(official))).toBe(true);
  });

  it('a resident sees only themself', () => {
    expect(canSeePerson(resident, person({ id: 'res-1' }), NO_SCOPE)).toBe(true);
    expect(canSeePerson(resident, person({ id: 'res-2' }), NO_SCOPE)).toBe(false);
  });

  it('phone numbers are masked to the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0592-5551234')).toBe('059*****1234');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('mayManage says why not', () => {
    expect(mayManage(staff, { roles: ['staff'], communities: [], companyId: 'jiayuan' }, scopeOf(staff))).toMatch(/admins register anyone/);
  });
});

describe('who may be named', () => {
  const registered = (
    roles: Principal['roles'],
    over: Partial<{ communities: string[]; companyId: string | null; erased: boolean }> = {},
  ) => ({
    exists: true as const,
    id: 'p-1',
    roles,
    communities: ['qianpu'],
    companyId: null,
    erased: false,
    ...over,
  });
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('a reporter is a registered resident of the community, not erased', () => {
    expect(code(() => mustBeReporterCandidate(registered(['resident']), 'qianpu'))).toBeNull();
    expect(code(() => mustBeReporterCandidate(registered(['resident']), 'xingang'))).toBe('NOT_A_CANDIDATE');
    expect(code(() => mustBeReporterCandidate(registered(['committee']), 'qianpu'))).toBe('NOT_A_CANDIDATE');
    expect(code(() => mustBeReporterCandidate(registered(['resident'], { erased: true }), 'qianpu'))).toBe('NOT_A_CANDIDATE');
    expect(code(() => mustBeReporterCandidate({ exists: false }, 'qianpu'))).toBe('NOT_A_CANDIDATE');
  });

  it('an assignee is staff or a manager of the company managing the community now', () => {
    expect(code(() => mustBeAssigneeCandidate(registered(['staff'], { companyId: 'jiayuan' }), 'jiayuan'))).toBeNull();
    expect(code(() => mustBeAssigneeCandidate(registered(['manager'], { companyId: 'jiayuan' }), 'jiayuan'))).toBeNull();
    expect(code(() => mustBeAssigneeCandidate(registered(['staff'], { companyId: 'haiyue' }), 'jiayuan'))).toBe('NOT_A_CANDIDATE');
    expect(code(() => mustBeAssigneeCandidate(registered(['resident']), 'jiayuan'))).toBe('NOT_A_CANDIDATE');
    expect(code(() => mustBeAssigneeCandidate({ exists: false }, 'jiayuan'))).toBe('NOT_A_CANDIDATE');
  });
});
