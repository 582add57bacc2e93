import type { TicketEvent } from '@jinlin/domain';
import type { Checkpoint, StoredEvent } from '@jinlin/event-store';
import type { TicketRecord } from '../tickets/ticket-row';
import { webhookPayload } from './webhook-payload';

const ticket = {
  id: 't1',
  community_id: 'qianpu',
  company_id: 'jiayuan',
  category: 'elevator',
  title: '3号楼电梯停运',
  status: 'open',
  reporter_id: 'res-a',
  anonymous: true,
} as TicketRecord;

const commented = (by: string): StoredEvent<TicketEvent> =>
  ({
    type: 'TicketCommented',
    data: { ticketId: 't1', text: '还是不动', commentedAt: '2026-12-03T08:00:00.000Z', by: { id: by, roles: ['resident'] } },
    globalPosition: 7,
    checkpoint: '7' as Checkpoint,
    streamId: 'ticket-t1',
    streamVersion: 3,
    schemaVersion: 1,
    metadata: {},
    recordedAt: new Date('2026-12-03T08:00:00.100Z'),
    hash: 'h',
  }) as unknown as StoredEvent<TicketEvent>;

it('when an event is sent, its id is its stream@version (the form of the NATS Nats-Msg-Id), and the summary names the community and title', () => {
  const p = webhookPayload(commented('res-b'), ticket, '前埔一里西小区');
  expect(p).toMatchObject({ id: 'ticket-t1@3', type: 'TicketCommented', position: 7, recordedAt: '2026-12-03T08:00:00.100Z' });
  expect(p.summary).toBe('【新留言】前埔一里西小区 · 3号楼电梯停运');
});
it("when the ticket is anonymous, the reporter's id appears nowhere in what is sent", () => {
  const p = webhookPayload(commented('res-a'), ticket, '前埔一里西小区');
  expect(JSON.stringify(p)).not.toContain('res-a');
  expect(p.data.by).toMatchObject({ id: null, name: '匿名居民' });
});
it('when the ticket is not anonymous, the data names people by id as the log does', () => {
  const p = webhookPayload(commented('res-a'), { ...ticket, anonymous: false }, undefined);
  expect(p.data.by).toEqual({ id: 'res-a', roles: ['resident'] });
  expect(p.ticket.communityName).toBe('qianpu');
});
const merged = (supporterId: string, supporterAnonymous: boolean): StoredEvent<TicketEvent> =>
  ({
    ...commented('staff-1'),
    type: 'TicketDuplicateMerged',
    data: {
      ticketId: 't1',
      duplicateId: 't2',
      supporterId,
      supporterAnonymous,
      mergedAt: '2026-12-03T08:00:00.000Z',
      by: { id: 'staff-1', roles: ['staff'] },
    },
  }) as unknown as StoredEvent<TicketEvent>;
it('when an anonymous duplicate is merged into a public ticket, its reporter (now a supporter) is not named', () => {
  const p = webhookPayload(merged('res-c', true), { ...ticket, anonymous: false }, undefined);
  expect(JSON.stringify(p)).not.toContain('res-c');
  expect(webhookPayload(merged('res-c', false), { ...ticket, anonymous: false }, undefined).data.supporterId).toBe('res-c');
});
it('when the ticket is anonymous, a supporter is not named either (the one left masked would be the reporter)', () => {
  expect(JSON.stringify(webhookPayload(merged('res-c', false), ticket, undefined))).not.toContain('res-c');
});
