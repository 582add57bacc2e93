import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { AttachmentRef, TicketEvent } from './ticket.events';

const T0 = '2026-11-02T08:00:00.000Z';
const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const community: Community = { exists: true, id: 'qianpu', name: '前埔一里西小区', propertyCompanyId: 'jiayuan', slaPolicies: {} };
const photo: AttachmentRef = { id: 'a-1', sha256: 'ab'.repeat(32), mime: 'image/jpeg', width: 800, height: 600 };

const file = (attachments?: AttachmentRef[]): TicketCommand => ({
  type: 'FileTicket',
  data: {
    ticketId: 't-1',
    communityId: 'qianpu',
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '电梯不动了',
    location: null,
    channel: 'app',
    community,
    ...(attachments ? { attachments } : {}),
  },
  metadata: { actor: resident, now: T0 },
});
const on = (events: TicketEvent[], command: TicketCommand) =>
  ticketDecider.decide(command, events.reduce(ticketDecider.evolve, ticketDecider.initialState()))[0];
const cmd = (type: string, data: object, actor: Principal) =>
  ({ type, data, metadata: { actor, now: T0, managingCompanyId: 'jiayuan' } }) as TicketCommand;

describe('photos on ticket events', () => {
  const filed = on([], file());
  it('when a filing brings photos, TicketFiled carries them', () =>
    expect(on([], file([photo])).data).toMatchObject({ attachments: [photo] }));
  it('when a filing brings none, TicketFiled has no attachments field', () => expect(filed.data).not.toHaveProperty('attachments'));
  it('when an empty list comes, the event has no attachments field', () => expect(on([], file([])).data).not.toHaveProperty('attachments'));
  it.each([
    ['AcknowledgeTicket', { message: '收到' }],
    ['RecordAction', { description: '更换控制板' }],
    ['CommentOnTicket', { text: '修好前', internal: true }],
  ])('when %s brings photos, its event carries them', (type, data) =>
    expect(on([filed], cmd(type, { ...data, attachments: [photo] }, staff)).data).toMatchObject({ attachments: [photo] }),
  );
  it('when a resolution brings after photos, TicketResolved carries them', () => {
    const acted = on([filed], cmd('RecordAction', { description: '更换' }, staff));
    expect(on([filed, acted], cmd('ResolveTicket', { resolution: '好了', attachments: [photo] }, staff)).data).toMatchObject({
      attachments: [photo],
    });
  });
});
