import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { TicketEvent } from '@jinlin/domain';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { EVENT_STORE_MIGRATIONS, type ActorRef, type Checkpoint, type NewEvent, type ReadAllResult, type StoredEvent } from '../index';
import { serviceUpcasters } from '../upcasters';
import { PostgresEventStore } from './postgres-event-store';

/**
 * TicketFiled as version 1 wrote it (the filer's id as the reporter, whoever filed) and as version
 * 2 wrote it (the location as text), stored as it was and read back through the service's upcasters
 * on real PostgreSQL: v1 → v2 → v3.
 */
let db: TestDatabase;
let upcasting: PostgresEventStore;
let plain: PostgresEventStore;
let sql: Client;

beforeAll(async () => {
  db = await createTestDatabase('ticket_filed_upcast');
  const ds = new DataSource({ type: 'postgres', url: db.url, migrations: [...EVENT_STORE_MIGRATIONS] });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  upcasting = new PostgresEventStore({ connectionString: db.url, upcasters: serviceUpcasters() });
  plain = new PostgresEventStore({ connectionString: db.url });
  sql = new Client({ connectionString: db.url });
  await sql.connect();
});
afterAll(async () => {
  await Promise.all([upcasting.close(), plain.close(), sql.end()]);
  await db.drop();
});

const STAFF: ActorRef = { id: 'staff-1', roles: ['staff'] };
const RESIDENT: ActorRef = { id: 'res-1', roles: ['resident'] };
const SECRETARY: ActorRef = { id: 'sec-1', roles: ['secretary'] };

/** The shape the v1 decider wrote, with the metadata handleCommand wrote beside it. */
function filed(
  ticketId: string,
  filer: ActorRef,
  reporterId: string | null = filer.id,
  schemaVersion?: number,
  location: unknown = null,
): NewEvent {
  return {
    type: 'TicketFiled',
    data: {
      ticketId,
      communityId: 'qianpu',
      companyId: 'jiayuan',
      category: 'elevator',
      title: '3号楼电梯停运',
      description: '早上八点开始电梯不动了',
      location,
      channel: 'tea_talk',
      reporterId,
      filedAt: '2026-11-02T08:00:00.000Z',
      sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 },
      acknowledgeBy: '2026-11-02T10:00:00.000Z',
      resolveBy: '2026-11-03T08:00:00.000Z',
      by: filer,
    },
    metadata: { actor: filer, correlationId: randomUUID() },
    ...(schemaVersion ? { schemaVersion } : {}),
  } as NewEvent;
}

const rated = (ticketId: string, by: ActorRef): NewEvent => ({
  type: 'TicketRated',
  data: { ticketId, score: 5, comment: null, ratedAt: '2026-11-04T08:00:00.000Z', by },
  metadata: { actor: by },
});

async function storeV1(filer: ActorRef, location: unknown = null): Promise<string> {
  const ticketId = randomUUID();
  await upcasting.appendToStream(`ticket-${ticketId}`, [filed(ticketId, filer, filer.id, 1, location), rated(ticketId, filer)], {
    expected: 'no_stream',
  });
  return ticketId;
}

const reporterOf = (events: readonly StoredEvent<TicketEvent>[]) => {
  const first = events[0];
  return first.type === 'TicketFiled' ? { schemaVersion: first.schemaVersion, reporterId: first.data.reporterId } : null;
};
const placeOf = (events: readonly StoredEvent<TicketEvent>[]) => {
  const first = events[0];
  return first.type === 'TicketFiled' ? { schemaVersion: first.schemaVersion, location: first.data.location } : null;
};

/**
 * readAll hands out events only below every transaction still running in the cluster (its
 * snapshot's xmin), so another test's open transaction, even in another database, can hold a
 * just-committed event back for a moment: read until it shows, for a few seconds at most.
 */
async function readAllOf(streamId: string): Promise<StoredEvent<TicketEvent>[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found: StoredEvent<TicketEvent>[] = [];
    let after: Checkpoint | null = null;
    for (;;) {
      const page: ReadAllResult<TicketEvent> = await upcasting.readAll<TicketEvent>({ after, limit: 50, types: ['TicketFiled'] });
      if (page.checkpoint === after) break;
      found.push(...page.events.filter((e) => e.streamId === streamId));
      after = page.checkpoint;
    }
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('TicketFiled stored at schema version 1', () => {
  it('when staff or the secretary filed it, a reader through the registry sees no reporter', async () => {
    for (const filer of [STAFF, SECRETARY]) {
      const id = await storeV1(filer);
      expect(reporterOf(await upcasting.readStream<TicketEvent>(`ticket-${id}`))).toEqual({ schemaVersion: 3, reporterId: null });
      expect(reporterOf(await readAllOf(`ticket-${id}`))).toEqual({ schemaVersion: 3, reporterId: null });
    }
  });

  it('when a resident filed it, they stay the reporter', async () => {
    const id = await storeV1(RESIDENT);
    expect(reporterOf(await upcasting.readStream<TicketEvent>(`ticket-${id}`))).toEqual({ schemaVersion: 3, reporterId: 'res-1' });
  });

  it('when it is upcast, the row and its hash chain stay as written', async () => {
    const id = await storeV1(STAFF);
    const rows = await sql.query(`SELECT schema_version, data->>'reporterId' AS reporter FROM es_events WHERE stream_id = $1`, [
      `ticket-${id}`,
    ]);
    expect(rows.rows[0]).toEqual({ schema_version: 1, reporter: 'staff-1' });
    expect(reporterOf(await plain.readStream<TicketEvent>(`ticket-${id}`))).toEqual({ schemaVersion: 1, reporterId: 'staff-1' });
    expect(await upcasting.verifyStream(`ticket-${id}`)).toEqual({ valid: true, events: 2 });
  });

  it('when a version 1 event held its location as text, it reads as the note of a place', async () => {
    const id = await storeV1(RESIDENT, '3号楼2单元');
    expect(placeOf(await upcasting.readStream<TicketEvent>(`ticket-${id}`))).toEqual({
      schemaVersion: 3,
      location: { note: '3号楼2单元' },
    });
    expect(placeOf(await readAllOf(`ticket-${id}`))).toEqual({ schemaVersion: 3, location: { note: '3号楼2单元' } });
  });

  it('when the service files now, the event is stored as version 3 with the reporter it names, and reads back so', async () => {
    const ticketId = randomUUID();
    await upcasting.appendToStream(`ticket-${ticketId}`, [filed(ticketId, STAFF, 'res-1', undefined, { building: '3', unit: '2单元' })], {
      expected: 'no_stream',
    });
    const rows = await sql.query(`SELECT schema_version FROM es_events WHERE stream_id = $1`, [`ticket-${ticketId}`]);
    expect(rows.rows[0].schema_version).toBe(3);
    expect(placeOf(await upcasting.readStream<TicketEvent>(`ticket-${ticketId}`))).toEqual({
      schemaVersion: 3,
      location: { building: '3', unit: '2单元' },
    });
    expect(reporterOf(await upcasting.readStream<TicketEvent>(`ticket-${ticketId}`))).toEqual({ schemaVersion: 3, reporterId: 'res-1' });
  });
});

describe('TicketFiled stored at schema version 2', () => {
  async function storeV2(location: string | null): Promise<string> {
    const ticketId = randomUUID();
    await upcasting.appendToStream(`ticket-${ticketId}`, [filed(ticketId, STAFF, 'res-1', 2, location)], { expected: 'no_stream' });
    return ticketId;
  }

  it('when its location was text, a reader through the registry sees {note}, and the reporter it named', async () => {
    const id = await storeV2('5号楼门口');
    const events = await upcasting.readStream<TicketEvent>(`ticket-${id}`);
    expect(placeOf(events)).toEqual({ schemaVersion: 3, location: { note: '5号楼门口' } });
    expect(reporterOf(events)).toEqual({ schemaVersion: 3, reporterId: 'res-1' });
    expect(placeOf(await readAllOf(`ticket-${id}`))).toEqual({ schemaVersion: 3, location: { note: '5号楼门口' } });
  });

  it('when it had no location, it stays null', async () => {
    const id = await storeV2(null);
    expect(placeOf(await upcasting.readStream<TicketEvent>(`ticket-${id}`))).toEqual({ schemaVersion: 3, location: null });
  });

  it('when it is upcast, the stored text and the hash chain stay as written', async () => {
    const id = await storeV2('5号楼门口');
    const rows = await sql.query(`SELECT schema_version, data->'location' AS location FROM es_events WHERE stream_id = $1`, [
      `ticket-${id}`,
    ]);
    expect(rows.rows[0]).toEqual({ schema_version: 2, location: '5号楼门口' });
    expect(await upcasting.verifyStream(`ticket-${id}`)).toEqual({ valid: true, events: 1 });
  });
});
