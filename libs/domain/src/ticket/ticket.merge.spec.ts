import { DeciderSpec } from '@jinlin/testing';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { TicketEvent, Visibility } from './ticket.events';
import type { Ticket } from './ticket.state';

const given = DeciderSpec.for(ticketDecider);
const T0 = '2026-11-02T08:00:00.000Z';
const NOW = '2026-11-02T09:30:00.000Z';

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const neighbour: Principal = { id: 'res-2', roles: ['resident'], communities: ['qianpu'] };
const stranger: Principal = { id: 'res-9', roles: ['resident'], communities: ['xingang'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const otherStaff: Principal = { id: 'staff-9', roles: ['staff'], communities: [], companyId: 'haiyue' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const official: Principal = { id: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] };
const by = (p: Principal) => ({ id: p.id, roles: p.roles });

const community = (id = 'qianpu'): Community => ({ exists: true, id, name: id, propertyCompanyId: 'jiayuan', slaPolicies: {} });

function file(
  actor: Principal,
  more: Partial<{ id: string; communityId: string; anonymous: boolean; visibility: Visibility; reporter: Principal }> = {},
): TicketCommand {
  const communityId = more.communityId ?? 'qianpu';
  const reporter = more.reporter && {
    id: more.reporter.id,
    person: {
      exists: true as const,
      id: more.reporter.id,
      roles: more.reporter.roles,
      communities: [communityId],
      companyId: null,
      erased: false,
    },
  };
  return {
    type: 'FileTicket',
    data: {
      ticketId: more.id ?? 't-1',
      communityId,
      category: 'elevator',
      title: '3号楼电梯停运',
      description: '电梯不动了',
      location: null,
      channel: 'app',
      community: community(communityId),
      ...(reporter ? { reporter } : {}),
      ...(more.anonymous === undefined ? {} : { anonymous: more.anonymous }),
      ...(more.visibility ? { visibility: more.visibility } : {}),
    },
    metadata: { actor, now: T0 },
  };
}
const filedBy = (actor: Principal, more: Parameters<typeof file>[1] = {}): TicketEvent =>
  ticketDecider.decide(file(actor, more), ticketDecider.initialState())[0];
const stateOf = (events: TicketEvent[]): Ticket => events.reduce(ticketDecider.evolve, ticketDecider.initialState());

const cmd = (type: string, data: object, actor: Principal): TicketCommand =>
  ({ type, data, metadata: { actor, now: NOW, managingCompanyId: 'jiayuan' } }) as TicketCommand;
const support = (actor: Principal) => cmd('SupportTicket', {}, actor);
const merge = (actor: Principal, into: Ticket, intoTicketId = 't-2', intoManagingCompanyId: string | null = 'jiayuan') =>
  cmd('MergeTicket', { intoTicketId, into, intoManagingCompanyId }, actor);

const visible = filedBy(resident, { visibility: 'community' });
const supported: TicketEvent = { type: 'TicketSupported', data: { ticketId: 't-1', supportedAt: NOW, by: by(neighbour) } };
const withdrawn: TicketEvent = { type: 'TicketWithdrawn', data: { ticketId: 't-1', reason: null, withdrawnAt: NOW, by: by(resident) } };
const acted: TicketEvent = { type: 'TicketActionRecorded', data: { ticketId: 't-1', description: '修', recordedAt: NOW, by: by(staff) } };
const resolved: TicketEvent = { type: 'TicketResolved', data: { ticketId: 't-1', resolution: '好', resolvedAt: NOW, by: by(staff) } };

describe('anonymous filing', () => {
  it('when a resident files anonymously, the event says so', () =>
    given([])
      .when(file(resident, { anonymous: true }))
      .thenMatches([{ data: { reporterId: 'res-1', anonymous: true } as never }]));
  it('when staff file anonymously for a named resident, it is accepted', () =>
    given([])
      .when(file(staff, { anonymous: true, reporter: resident }))
      .thenMatches([{ data: { reporterId: 'res-1', anonymous: true } as never }]));
  it('when staff file anonymously for nobody, it is refused naming anonymous', () =>
    given([])
      .when(file(staff, { anonymous: true }))
      .thenThrows('ANONYMOUS_NOT_ALLOWED'));
  it('when the committee files anonymously for nobody, it is refused', () =>
    given([])
      .when(file(committee, { anonymous: true }))
      .thenThrows('ANONYMOUS_NOT_ALLOWED'));
  it('when anonymous is false, the event carries no flag (old and new tickets read alike)', () =>
    expect(filedBy(resident, { anonymous: false }).data).not.toHaveProperty('anonymous'));
});

describe('support (附议)', () => {
  it('when a neighbour supports a community-visible ticket, TicketSupported names them', () =>
    given([visible])
      .when(support(neighbour))
      .then([{ type: 'TicketSupported', data: { ticketId: 't-1', supportedAt: NOW, by: by(neighbour) } }]));
  it('when they support it a second time, it is ALREADY_SUPPORTED', () =>
    given([visible, supported]).when(support(neighbour)).thenThrows('ALREADY_SUPPORTED'));
  it('when the reporter supports their own ticket, it is refused', () =>
    given([visible]).when(support(resident)).thenThrows('CANNOT_SUPPORT_OWN'));
  it('when a resident of another community supports it, the ticket is not found', () =>
    given([visible]).when(support(stranger)).thenThrows('TICKET_NOT_FOUND'));
  it('when the ticket is private, a neighbour does not find it', () =>
    given([filedBy(resident)])
      .when(support(neighbour))
      .thenThrows('TICKET_NOT_FOUND'));
  it('when staff support it, only residents may', () => given([visible]).when(support(staff)).thenThrows('SUPPORT_RESIDENTS_ONLY'));
  it('when the ticket is withdrawn, support is refused', () =>
    given([visible, withdrawn]).when(support(neighbour)).thenThrows('TICKET_FINISHED'));
  it('when a neighbour does anything else on it, the ticket is not found for them', () =>
    given([visible])
      .when(cmd('CommentOnTicket', { text: 'x', internal: false }, neighbour))
      .thenThrows('TICKET_NOT_FOUND'));
});

describe('merge', () => {
  const primaryFiled = filedBy(neighbour, { id: 't-2' });
  const primary = stateOf([primaryFiled]);
  const duplicate = filedBy(resident);

  it('when staff merge a duplicate into an open ticket of the community, TicketMerged says into which', () =>
    given([duplicate])
      .when(merge(staff, primary))
      .then([{ type: 'TicketMerged', data: { ticketId: 't-1', intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }]));
  it('when the committee merges, it is accepted', () =>
    given([duplicate])
      .when(merge(committee, primary))
      .thenMatches([{ type: 'TicketMerged' }]));
  it('when an official merges, it is forbidden', () => given([duplicate]).when(merge(official, primary)).thenThrows('MERGE_NOT_ALLOWED'));
  it('when the reporter merges, it is forbidden', () => given([duplicate]).when(merge(resident, primary)).thenThrows('MERGE_NOT_ALLOWED'));
  it('when staff of another company merge, the ticket is not found', () =>
    given([duplicate]).when(merge(otherStaff, primary)).thenThrows('TICKET_NOT_FOUND'));
  it('when merged into itself, it is refused', () =>
    given([duplicate])
      .when(merge(staff, stateOf([duplicate]), 't-1'))
      .thenThrows('MERGE_INTO_ITSELF'));
  it('when the primary does not exist, intoTicketId is no such ticket', () =>
    given([duplicate])
      .when(merge(staff, { exists: false }))
      .thenThrows('MERGE_TARGET_NOT_FOUND'));
  it('when the primary is of another community, it is refused', () => {
    const elsewhere = stateOf([filedBy({ ...neighbour, communities: ['xingang'] }, { id: 't-2', communityId: 'xingang' })]);
    given([duplicate]).when(merge(staff, elsewhere)).thenThrows('MERGE_ACROSS_COMMUNITIES');
  });
  it('when the primary is in a community the caller does not see, it is no such ticket (its existence is not disclosed)', () => {
    const elsewhere = stateOf([filedBy({ ...neighbour, communities: ['xingang'] }, { id: 't-2', communityId: 'xingang' })]);
    given([duplicate])
      .when(merge(staff, elsewhere, 't-2', 'haiyue'))
      .thenThrows('MERGE_TARGET_NOT_FOUND');
  });
  it('when the primary is withdrawn, it is refused', () => {
    const gone = stateOf([
      primaryFiled,
      { type: 'TicketWithdrawn', data: { ticketId: 't-2', reason: null, withdrawnAt: NOW, by: by(neighbour) } },
    ]);
    given([duplicate]).when(merge(staff, gone)).thenThrows('MERGE_INTO_FINISHED');
  });
  it('when the primary is itself merged, it is refused', () => {
    const merged = stateOf([
      primaryFiled,
      { type: 'TicketMerged', data: { ticketId: 't-2', intoTicketId: 't-3', mergedAt: NOW, by: by(staff) } },
    ]);
    given([duplicate]).when(merge(staff, merged)).thenThrows('MERGE_INTO_FINISHED');
  });
  it('when the duplicate is already merged, nothing more is done to it', () =>
    given([duplicate, { type: 'TicketMerged', data: { ticketId: 't-1', intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }])
      .when(merge(staff, primary))
      .thenThrows('TICKET_FINISHED'));
  it('when the duplicate is resolved, it is no longer merged', () =>
    given([duplicate, acted, resolved]).when(merge(staff, primary)).thenThrows('CANNOT_MERGE'));
  it('when a merged ticket is acted on, rule 5 refuses it', () =>
    given([duplicate, { type: 'TicketMerged', data: { ticketId: 't-1', intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }])
      .when(cmd('RecordAction', { description: 'x' }, staff))
      .thenThrows('TICKET_FINISHED'));
  it('when a merged ticket is commented on, it is accepted', () =>
    given([duplicate, { type: 'TicketMerged', data: { ticketId: 't-1', intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }])
      .when(cmd('CommentOnTicket', { text: '已合并', internal: false }, resident))
      .thenMatches([{ type: 'TicketCommented' }]));
});

describe("the primary's half of a merge", () => {
  const mergedInto = (dup: TicketEvent): Ticket =>
    stateOf([dup, { type: 'TicketMerged', data: { ticketId: dup.data.ticketId, intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }]);
  const primaryFiled = filedBy(neighbour, { id: 't-2', visibility: 'community' });
  const record = (duplicate: Ticket, duplicateId = 't-1') =>
    cmd(
      'RecordDuplicateMerged',
      { duplicateId, duplicate, mergedBy: by(staff) },
      { id: 'system:merge', roles: ['admin'], communities: [] },
    );
  const recorded = (supporterId: string | null, anonymous = false): TicketEvent => ({
    type: 'TicketDuplicateMerged',
    data: { ticketId: 't-2', duplicateId: 't-1', supporterId, supporterAnonymous: anonymous, mergedAt: NOW, by: by(staff) },
  });

  it("when recorded, the duplicate's reporter becomes a supporter", () =>
    given([primaryFiled])
      .when(record(mergedInto(filedBy(resident))))
      .then([recorded('res-1')]));
  it('when the duplicate was anonymous, the event says so', () =>
    given([primaryFiled])
      .when(record(mergedInto(filedBy(resident, { anonymous: true }))))
      .then([recorded('res-1', true)]));
  it('when recorded twice, the second time appends nothing', () =>
    given([primaryFiled, recorded('res-1')])
      .when(record(mergedInto(filedBy(resident))))
      .then([]));
  it('when the reporter already supports the primary, they are not counted twice', () =>
    given([primaryFiled, { type: 'TicketSupported', data: { ticketId: 't-2', supportedAt: NOW, by: by(resident) } }])
      .when(record(mergedInto(filedBy(resident))))
      .then([recorded(null)]));
  it("when the duplicate's reporter is the primary's, they are carried over like anyone: leaving them out would tell who filed an anonymous primary", () =>
    given([primaryFiled])
      .when(record(mergedInto(filedBy(neighbour))))
      .then([recorded('res-2')]));
  it('when the duplicate has no reporter, nobody is added', () =>
    given([primaryFiled])
      .when(record(mergedInto(filedBy(staff))))
      .then([recorded(null)]));
  it('when the duplicate was not merged into this ticket, nothing is recorded', () =>
    given([primaryFiled])
      .when(record(stateOf([filedBy(resident)])))
      .then([]));
  it('when a carried-over supporter supports again, it is ALREADY_SUPPORTED', () =>
    given([primaryFiled, recorded('res-1')])
      .when(support(resident))
      .thenThrows('ALREADY_SUPPORTED'));
});

describe('the SLA clock on a merged ticket', () => {
  it('when a merged ticket passes its deadline, no breach is recorded', () =>
    given([filedBy(resident), { type: 'TicketMerged', data: { ticketId: 't-1', intoTicketId: 't-2', mergedAt: NOW, by: by(staff) } }])
      .when({
        type: 'BreachSla',
        data: { kind: 'resolve' },
        metadata: { actor: staff, now: '2027-01-01T00:00:00.000Z', managingCompanyId: 'jiayuan' },
      })
      .then([]));
});
