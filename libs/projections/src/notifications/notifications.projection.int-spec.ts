import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ActorRef, Role } from '@jinlin/domain';
import type { Checkpoint, StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { NOTIFICATION_MIGRATIONS, NOTIFICATIONS_CHANNEL } from './index';
import { NotificationsProjection, type NotifierEvent } from './notifications.projection';

let db: TestDatabase;
let ds: DataSource;
const projection = new NotificationsProjection();
let position = 0;
const versions = new Map<string, number>();
const at = '2026-12-01T08:00:00.000Z';

beforeAll(async () => {
  db = await createTestDatabase('notifications');
  ds = new DataSource({ type: 'postgres', url: db.url, migrations: NOTIFICATION_MIGRATIONS });
  await ds.initialize();
  await ds.runMigrations();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const streamOf = (e: NotifierEvent) =>
  'ticketId' in e.data ? `ticket-${e.data.ticketId}` : 'personId' in e.data ? `person-${e.data.personId}` : `community-x`;

/** Stored as the log would hand them over: the next global position, the next version of each stream. */
const stored = (events: readonly NotifierEvent[]): StoredEvent<NotifierEvent>[] =>
  events.map((e) => {
    const streamId = streamOf(e);
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    return {
      ...e,
      globalPosition: ++position,
      checkpoint: String(position) as Checkpoint,
      streamId,
      streamVersion,
      schemaVersion: 1,
      metadata: {},
      recordedAt: new Date(at),
      hash: '',
    } as StoredEvent<NotifierEvent>;
  });

const admin: ActorRef = { id: 'admin-1', roles: ['admin'] };
const person = (personId: string, roles: Role[], communities: string[], companyId: string | null = null): NotifierEvent => ({
  type: 'PersonRegistered',
  data: { personId, roles, communities, companyId, registeredAt: at, by: admin },
});
const community = (communityId: string, name: string): NotifierEvent => ({
  type: 'CommunityRegistered',
  data: {
    communityId,
    name,
    subdistrict: '莲前街道',
    neighbourhood: '前埔一里社区',
    households: null,
    propertyCompanyId: 'jy',
    registeredAt: at,
    by: admin,
  },
});
const filed = (ticketId: string, communityId: string, companyId: string): NotifierEvent => ({
  type: 'TicketFiled',
  data: {
    ticketId,
    communityId,
    companyId,
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '电梯不动了',
    location: null,
    channel: 'app',
    reporterId: 'r-1',
    filedAt: at,
    sla: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 240 },
    acknowledgeBy: at,
    resolveBy: at,
    by: { id: 'r-1', roles: ['resident'] },
  },
});
const breached = (ticketId: string): NotifierEvent => ({
  type: 'TicketSlaBreached',
  data: { ticketId, kind: 'resolve', deadline: at, detectedAt: at },
});

const apply = (events: StoredEvent<NotifierEvent>[]) => ds.transaction((tx) => projection.apply(events, tx));
type Told = { recipient_id: string; event_type: string; summary: string };
const toldOf = async (ticketId: string): Promise<Told[]> =>
  ds.query(`SELECT recipient_id, event_type, summary FROM rm_notifications WHERE ticket_id = $1 ORDER BY id`, [ticketId]);

it('when the company, its people and a filing come in one batch, the people are told, with the community named', async () => {
  await apply(
    stored([
      community('c1', '前埔一里西小区'),
      person('s1', ['staff'], [], 'co1'),
      person('m1', ['manager'], [], 'co1'),
      person('s9', ['staff'], [], 'co9'),
      person('r-1', ['resident'], ['c1']),
      filed('t1', 'c1', 'co1'),
    ]),
  );
  expect(await toldOf('t1')).toEqual([
    { recipient_id: 'm1', event_type: 'TicketFiled', summary: '【新报事】前埔一里西小区 · 3号楼电梯停运' },
    { recipient_id: 's1', event_type: 'TicketFiled', summary: '【新报事】前埔一里西小区 · 3号楼电梯停运' },
  ]);
});

it('when the same events are delivered again, nobody is told twice', async () => {
  const events = stored([filed('t2', 'c1', 'co1'), breached('t2')]);
  await apply(events);
  await apply(events);
  expect((await toldOf('t2')).map((r) => `${r.event_type}:${r.recipient_id}`)).toEqual([
    'TicketFiled:m1',
    'TicketFiled:s1',
    'TicketSlaBreached:m1',
  ]);
});

it('when the projection is rebuilt, the rows stay as they were: same ids, read marks kept, nobody told again', async () => {
  const before: { id: string }[] = await ds.query(`SELECT id FROM rm_notifications ORDER BY id`);
  await ds.query(`UPDATE rm_notifications SET read_at = now() WHERE id = $1`, [before[0].id]);
  const history: StoredEvent<NotifierEvent>[] = [];
  // Replay what the log holds so far, into emptied context tables, as a rebuild would.
  position = 0;
  versions.clear();
  history.push(
    ...stored([
      community('c1', '前埔一里西小区'),
      person('s1', ['staff'], [], 'co1'),
      person('m1', ['manager'], [], 'co1'),
      person('s9', ['staff'], [], 'co9'),
      person('r-1', ['resident'], ['c1']),
      filed('t1', 'c1', 'co1'),
      filed('t2', 'c1', 'co1'),
      breached('t2'),
    ]),
  );
  await ds.query(`TRUNCATE ${projection.tables.join(', ')}`);
  await apply(history);
  const after: { id: string; read: boolean }[] = await ds.query(`SELECT id, read_at IS NOT NULL AS read FROM rm_notifications ORDER BY id`);
  expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  expect(after[0].read).toBe(true);
});

it('when a handover moved the ticket, the new company is told of its breach', async () => {
  await apply(
    stored([
      person('m2', ['manager'], [], 'co2'),
      filed('t3', 'c1', 'co1'),
      {
        type: 'TicketTransferred',
        data: { ticketId: 't3', fromCompanyId: 'co1', toCompanyId: 'co2', handoverId: 'h1', transferredAt: at },
      },
      breached('t3'),
    ]),
  );
  expect((await toldOf('t3')).filter((r) => r.event_type === 'TicketSlaBreached').map((r) => r.recipient_id)).toEqual(['m2']);
});

it("after a handover, the outgoing company's assignee is told nothing more of the ticket; the new company's is, once assigned", async () => {
  const manager: ActorRef = { id: 'm5', roles: ['manager'] };
  const reporterSays = (ticketId: string, text: string): NotifierEvent => ({
    type: 'TicketCommented',
    data: { ticketId, text, internal: false, commentedAt: at, by: { id: 'r-1', roles: ['resident'] } },
  });
  const assigned = (ticketId: string, assigneeId: string, by: ActorRef): NotifierEvent => ({
    type: 'TicketAssigned',
    data: { ticketId, assigneeId, assignedAt: at, by },
  });
  // Each in a batch of its own, so that what the notifier knows goes through its table between them.
  // Companies of this test's own (co5 hands over to co6), so the other tests' recipients stay theirs.
  await apply(
    stored([
      person('s5', ['staff'], [], 'co5'),
      person('m5', ['manager'], [], 'co5'),
      person('s6', ['staff'], [], 'co6'),
      person('m6', ['manager'], [], 'co6'),
      filed('t6', 'c1', 'co5'),
    ]),
  );
  await apply(stored([assigned('t6', 's5', manager), reporterSays('t6', '还是不行')]));
  await apply(
    stored([
      {
        type: 'TicketTransferred',
        data: { ticketId: 't6', fromCompanyId: 'co5', toCompanyId: 'co6', handoverId: 'h1', transferredAt: at },
      },
    ]),
  );
  await apply(
    stored([
      { type: 'TicketSlaWarning', data: { ticketId: 't6', kind: 'resolve', warnAt: at, deadline: at, detectedAt: at } },
      reporterSays('t6', '新物业在吗'),
    ]),
  );
  await apply(stored([assigned('t6', 's6', { id: 'm6', roles: ['manager'] }), reporterSays('t6', '谢谢')]));
  const told = (await toldOf('t6')).filter((r) => r.event_type !== 'TicketFiled').map((r) => `${r.event_type}:${r.recipient_id}`);
  expect(told).toEqual([
    'TicketAssigned:s5',
    'TicketCommented:s5',
    // Unassigned for the new company: its managers hear of the warning, nobody of the comment.
    'TicketSlaWarning:m6',
    'TicketAssigned:s6',
    'TicketCommented:s6',
  ]);
});

it('when a person is erased, what they were told goes, and they are told nothing more', async () => {
  await apply(stored([{ type: 'PersonalDataErased', data: { personId: 's1', erasedAt: at, by: admin } }, filed('t4', 'c1', 'co1')]));
  expect(await ds.query(`SELECT 1 FROM rm_notifications WHERE recipient_id = 's1'`)).toEqual([]);
  expect((await toldOf('t4')).map((r) => r.recipient_id)).toEqual(['m1']);
});

it("when the batch commits, each recipient's id is heard on the channel", async () => {
  const listener = new Client({ connectionString: db.url });
  await listener.connect();
  try {
    const heard = new Promise<string>((resolve) => listener.on('notification', (msg) => resolve(msg.payload ?? '')));
    await listener.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
    await apply(stored([filed('t5', 'c1', 'co1')]));
    expect(await heard).toBe('m1');
  } finally {
    await listener.end();
  }
});

const resolved = (ticketId: string): NotifierEvent => ({
  type: 'TicketResolved',
  data: { ticketId, resolution: '已修复', resolvedAt: at, by: { id: 'm1', roles: ['manager'] } },
});

it('when a ticket filed in an earlier batch is resolved, its reporter is told; once erased, no more', async () => {
  await apply(stored([resolved('t2')]));
  expect((await toldOf('t2')).filter((r) => r.event_type === 'TicketResolved').map((r) => r.recipient_id)).toEqual(['r-1']);
  await apply(stored([{ type: 'PersonalDataErased', data: { personId: 'r-1', erasedAt: at, by: admin } }]));
  await apply(stored([resolved('t1')]));
  expect((await toldOf('t1')).filter((r) => r.event_type === 'TicketResolved')).toEqual([]);
});
