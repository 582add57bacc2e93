import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { Attachments1764300050000 } from './1764300050000-attachments';
import { AttachmentLogBound1764300150100 } from './1764300150100-attachment-log-bound';
import { AttachmentExpiry } from './attachment-expiry';
import { AttachmentStore } from './attachment-store';
import { FileBlobStore, PostgresBlobStore, type BlobStore } from './blob-store';
import { processPhoto, type ProcessedPhoto } from './image';

/** The blob stores and the attachments table on real PostgreSQL, with the event log beside them: dedup, the directory adapter, expiry. */
let db: TestDatabase;
let ds: DataSource;
let log: PostgresEventStore;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase('attachment_store');
  ds = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [...EVENT_STORE_MIGRATIONS, Attachments1764300050000, AttachmentLogBound1764300150100],
  });
  await ds.initialize();
  await ds.runMigrations();
  log = new PostgresEventStore({ connectionString: db.url });
  dir = await mkdtemp(join(tmpdir(), 'jinlin-blobs-'));
});
afterAll(async () => {
  await log.close();
  await ds.destroy();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

const photo = (width: number): Promise<ProcessedPhoto> =>
  sharp({ create: { width, height: 20, channels: 3, background: '#c33' } })
    .png()
    .toBuffer()
    .then(processPhoto);
const count = async (table: string) => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const age = (id: string, hours: number) =>
  ds.query(`UPDATE attachments SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hours]);

describe.each([
  ['PostgreSQL', () => new PostgresBlobStore(ds)],
  ['a directory (BLOB_DIR)', () => new FileBlobStore(dir)],
] as const)('blobs in %s', (_, make) => {
  let blobs: BlobStore;
  beforeAll(() => (blobs = make()));
  const hash = (c: string) => c.repeat(64);

  it('when bytes are put, they are got back by their hash', async () => {
    await blobs.put(hash('a'), Buffer.from('照片'));
    expect((await blobs.get(hash('a')))?.toString()).toBe('照片');
  });
  it('when the same hash is put twice, the second put is harmless', async () => {
    await blobs.put(hash('b'), Buffer.from('one'));
    await blobs.put(hash('b'), Buffer.from('one'));
    expect((await blobs.get(hash('b')))?.toString()).toBe('one');
  });
  it('when a blob is deleted, it is gone, and deleting again is harmless', async () => {
    await blobs.put(hash('c'), Buffer.from('x'));
    await blobs.delete(hash('c'));
    await blobs.delete(hash('c'));
    expect(await blobs.get(hash('c'))).toBeNull();
  });
  it('when a name is not a sha256, it is refused (no path tricks)', () => expect(blobs.get('../etc/passwd')).rejects.toThrow(/sha256/));
});

describe('the attachments table over PostgreSQL blobs', () => {
  let store: AttachmentStore;
  beforeAll(() => (store = new AttachmentStore(ds, new PostgresBlobStore(ds), log)));

  it('when the same photo is saved by two people, there are two attachments and one copy of each blob', async () => {
    const p = await photo(41);
    const before = await count('blobs');
    const [a, b] = [await store.save('res-a', p), await store.save('res-b', p)];
    expect(a.id).not.toBe(b.id);
    expect(await count('blobs')).toBe(before + 2); // the image and its thumbnail
  });

  it('when attaching fails after marking, the uploads stay unattached', async () => {
    const a = await store.save('res-a', await photo(42));
    await expect(
      store.attach([a.id], 'res-a', { ticketId: '11111111-1111-4111-8111-111111111111', event: 'TicketFiled', internal: false }, () =>
        Promise.reject(new Error('append refused')),
      ),
    ).rejects.toThrow('append refused');
    expect((await store.find(a.id))?.attachedToTicket).toBeNull();
  });

  it('when two commands attach one upload at once, exactly one succeeds', async () => {
    const a = await store.save('res-a', await photo(43));
    const target = (n: number) => ({ ticketId: `2222222${n}-2222-4222-8222-222222222222`, event: 'TicketFiled', internal: false });
    const results = await Promise.allSettled([1, 2].map((n) => store.attach([a.id], 'res-a', target(n), async () => n)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('when uploads are older than the age, unattached ones go with their unused blobs; attached and young ones stay', async () => {
    const shared = await photo(44);
    const [old, oldTwin, young, attached] = [
      await store.save('res-a', await photo(45)),
      await store.save('res-a', shared),
      await store.save('res-b', shared),
      await store.save('res-a', await photo(46)),
    ];
    await store.attach(
      [attached.id],
      'res-a',
      { ticketId: '33333333-3333-4333-8333-333333333333', event: 'TicketFiled', internal: false },
      async () => 0,
    );
    for (const a of [old, oldTwin, attached]) await age(a.id, 25);
    const expiry = new AttachmentExpiry(store, ds, { run: false, intervalMs: 1000, maxAgeMs: 24 * 3_600_000 });
    const swept = await expiry.runOnce();
    await expiry.beforeApplicationShutdown();
    expect(swept.attachments).toBeGreaterThanOrEqual(2);
    expect(await store.find(old.id)).toBeNull();
    expect(await store.find(oldTwin.id)).toBeNull();
    expect(await store.find(young.id)).not.toBeNull();
    expect(await store.find(attached.id)).not.toBeNull();
    expect(await store.blob(old.sha256)).toBeNull();
    expect(await store.blob(old.thumbSha256)).toBeNull();
    // The twin's bytes are still the young upload's.
    expect(await store.blob(young.sha256)).not.toBeNull();
    expect(await store.blob(attached.sha256)).not.toBeNull();
  });
});

describe('an upload whose event was stored while the commit marking it attached was lost', () => {
  let store: AttachmentStore;
  beforeAll(() => (store = new AttachmentStore(ds, new PostgresBlobStore(ds), log)));
  const ticketId = '44444444-4444-4444-8444-444444444444';
  const expire = () => store.expire(new Date(Date.now() - 24 * 3_600_000));

  /** attach() as a command runs it: the event is appended, then the transaction marking the rows fails to commit. */
  async function attachAndLoseTheCommit(ids: string[], event: 'TicketFiled' | 'TicketCommented', internal = false) {
    const stream = `ticket-${ticketId}`;
    await expect(
      store.attach(ids, 'res-a', { ticketId, event, internal }, async (attachments) => {
        const data =
          event === 'TicketFiled'
            ? { ticketId, title: '楼道灯坏了', attachments }
            : { ticketId, text: '补充照片', internal, commentedAt: new Date().toISOString(), attachments };
        await log.appendToStream(stream, [{ type: event, data }], { expected: 'any' });
        throw new Error('connection lost at commit');
      }),
    ).rejects.toThrow('connection lost at commit');
  }

  it('when it is a day old, the expiry keeps it and its blobs and marks it attached as the event says; an unnamed twin still goes', async () => {
    const [first, second, abandoned] = [
      await store.save('res-a', await photo(50)),
      await store.save('res-a', await photo(51)),
      await store.save('res-a', await photo(52)),
    ];
    await attachAndLoseTheCommit([first.id, second.id], 'TicketFiled');
    expect((await store.find(first.id))?.attachedToTicket).toBeNull(); // exactly the state the expiry must not trust
    for (const a of [first, second, abandoned]) await age(a.id, 25);

    const swept = await expire();
    expect(swept.reattached).toBe(2);
    for (const [a, order] of [
      [first, 1],
      [second, 2],
    ] as const) {
      expect(await store.find(a.id)).toMatchObject({ attachedToTicket: ticketId, attachedEvent: 'TicketFiled', internal: false });
      expect(await store.blob(a.sha256)).not.toBeNull();
      expect(await store.blob(a.thumbSha256)).not.toBeNull();
      expect((await ds.query(`SELECT attach_order FROM attachments WHERE id = $1`, [a.id]))[0].attach_order).toBe(order);
    }
    expect((await store.ofEvent(ticketId, 'TicketFiled')).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(await store.find(abandoned.id)).toBeNull();
    expect(await store.blob(abandoned.sha256)).toBeNull();
    // Marked attached, it is not the expiry's any more, and not attachable again.
    expect(await expire()).toMatchObject({ reattached: 0 });
    expect(await store.find(first.id)).not.toBeNull();
    await expect(store.attach([first.id], 'res-a', { ticketId, event: 'TicketFiled', internal: false }, async () => 0)).rejects.toThrow(
      /already attached/,
    );
  });

  it('when it was uploaded before the log bound was kept (no bound), the whole log is read and an internal comment stays internal', async () => {
    const a = await store.save('res-a', await photo(53));
    await ds.query(`UPDATE attachments SET log_checkpoint = NULL, log_position = NULL WHERE id = $1`, [a.id]);
    await attachAndLoseTheCommit([a.id], 'TicketCommented', true);
    await age(a.id, 30);
    expect((await expire()).reattached).toBe(1);
    expect(await store.find(a.id)).toMatchObject({ attachedToTicket: ticketId, attachedEvent: 'TicketCommented', internal: true });
  });

  it('when the expiry has taken an upload, attaching it is refused as expired, so no event can name it behind the expiry', async () => {
    const a = await store.save('res-a', await photo(54));
    await ds.query(`UPDATE attachments SET expiring_at = now() WHERE id = $1`, [a.id]);
    let appended = false;
    await expect(
      store.attach([a.id], 'res-a', { ticketId, event: 'TicketFiled', internal: false }, async () => (appended = true)),
    ).rejects.toThrow(/expired/);
    expect(appended).toBe(false);
    await expire(); // taken, it goes at the next sweep whatever its age
    expect(await store.find(a.id)).toBeNull();
  });
});

describe('the attachments table over a directory', () => {
  it('when an unattached upload expires, its files are removed from the directory', async () => {
    const own = await mkdtemp(join(tmpdir(), 'jinlin-blobs-'));
    const store = new AttachmentStore(ds, new FileBlobStore(own), log);
    const a = await store.save('res-x', await photo(47));
    expect((await store.blob(a.sha256))?.length).toBe(a.bytes);
    await age(a.id, 48);
    expect((await store.expire(new Date(Date.now() - 24 * 3_600_000))).blobs).toBe(2);
    const left = (await readdir(own, { recursive: true })).filter((f) => f.length > 2);
    expect(left).toEqual([]);
    await rm(own, { recursive: true, force: true });
  });
});
