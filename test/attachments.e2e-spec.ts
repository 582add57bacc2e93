import sharp from 'sharp';
import { download, gpsJpeg, pngOf, upload } from './support/photos';
import { http, sql, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('attachments');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

const post = (path: string, token: string, body?: unknown) => http(t.url, 'POST', path, { token, body });
const uploaded = async (token: string, bytes?: Buffer) => {
  const r = await upload(t, token, bytes ?? (await pngOf(32 + Math.floor(Math.random() * 500), 40)), 'image/png', 'p.png');
  expect(r.status).toBe(201);
  return r.body as { id: string; sha256: string; mime: string; width: number; height: number; bytes: number };
};
const attachedTo = async (id: string) =>
  (await sql(t, `SELECT attached_to_ticket FROM attachments WHERE id = $1`, [id]))[0]?.attached_to_ticket;

describe('uploading', () => {
  it('when a phone photo with EXIF GPS is uploaded, what is stored has no EXIF, stands upright and has a small thumbnail', async () => {
    const r = await upload(t, k.residentA, await gpsJpeg());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mime: 'image/jpeg', width: 1200, height: 1600, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const image = await download(t, k.residentA, `/attachments/${r.body.id}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('etag')).toBe(`"${r.body.sha256}"`);
    expect(image.headers.get('cache-control')).toMatch(/^private/);
    const meta = await sharp(image.bytes).metadata();
    expect([meta.exif, meta.orientation, meta.xmp]).toEqual([undefined, undefined, undefined]);
    expect(image.bytes.toString('latin1')).not.toContain('Xiaomi');
    expect(image.bytes.length).toBe(r.body.bytes);
    const thumb = await download(t, k.residentA, `/attachments/${r.body.id}/thumbnail`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const tm = await sharp(thumb.bytes).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBeLessThanOrEqual(320);
  });

  it('when a PNG comes declared as text/plain, it is judged by its content and accepted', async () => {
    const r = await upload(t, k.residentA, await pngOf(), 'text/plain', 'notes.txt');
    expect(r).toMatchObject({ status: 201, body: { mime: 'image/png', width: 64, height: 64 } });
  });

  it('when a text file is declared image/jpeg, it is refused with 415', async () => {
    const r = await upload(t, k.residentA, Buffer.from('这不是照片'.repeat(100)), 'image/jpeg');
    expect(r.status).toBe(415);
    expect(r.body.detail).toMatch(/file/);
  });

  it('when the file is over 10 MiB, it is refused with 413 and nothing is stored', async () => {
    const before = (await sql(t, `SELECT count(*)::int AS n FROM attachments`))[0].n;
    const r = await upload(t, k.residentA, Buffer.alloc(11 * 1024 * 1024, 7));
    expect(r.status).toBe(413);
    expect((await sql(t, `SELECT count(*)::int AS n FROM attachments`))[0].n).toBe(before);
  });

  it('when the body is JSON, not multipart, it is refused with 415', async () =>
    expect((await post('/attachments', k.residentA, { file: 'x' })).status).toBe(415));

  it('when the same photo is uploaded twice, its bytes are stored once', async () => {
    const bytes = await pngOf(77, 33);
    const [a, b] = [await uploaded(k.residentA, bytes), await uploaded(k.residentB, bytes)];
    expect(a.id).not.toBe(b.id);
    expect((await sql(t, `SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1`, [a.sha256]))[0].n).toBe(1);
  });

  it('when someone else asks for an unattached upload, it does not exist for them', async () => {
    const a = await uploaded(k.residentA);
    expect((await download(t, k.residentB, `/attachments/${a.id}`)).status).toBe(404);
    expect((await download(t, k.admin, `/attachments/${a.id}/thumbnail`)).status).toBe(404);
    expect((await download(t, k.residentA, `/attachments/not-a-uuid`)).status).toBe(404);
  });
});

describe('attaching', () => {
  it('when a resident files with their photos, TicketFiled carries them and GET /tickets/:id shows them', async () => {
    const [a, b] = [await uploaded(k.residentA), await uploaded(k.residentA)];
    const r = await post('/tickets', k.residentA, ticketBody({ attachmentIds: [b.id, a.id] }));
    expect(r.status).toBe(201);
    const ref = ({ id, sha256, mime, width, height }: typeof a) => ({ id, sha256, mime, width, height });
    const ticket = await http(t.url, 'GET', `/tickets/${r.body.id}?minPosition=${r.body.position}`, { token: k.residentA });
    expect(ticket.body.attachments).toEqual([ref(b), ref(a)]);
    const timeline = await http(t.url, 'GET', `/tickets/${r.body.id}/timeline`, { token: k.residentA });
    expect(timeline.body.events[0].data.attachments).toEqual([ref(b), ref(a)]);
    expect(await attachedTo(a.id)).toBe(r.body.id);
  });

  it("when another user's upload is named, the filing is refused with 400 naming the id, and appends nothing", async () => {
    const theirs = await uploaded(k.residentB);
    const mine = await uploaded(k.residentA);
    const tickets = (await sql(t, `SELECT count(*)::int AS n FROM es_events`))[0].n;
    const r = await post('/tickets', k.residentA, ticketBody({ attachmentIds: [mine.id, theirs.id] }));
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain(theirs.id);
    expect(await attachedTo(mine.id)).toBeNull();
    expect((await sql(t, `SELECT count(*)::int AS n FROM es_events`))[0].n).toBe(tickets);
  });

  it('when an unknown id is named, it is refused with 400 naming it', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const r = await post('/tickets', k.residentA, ticketBody({ attachmentIds: [id] }));
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain(id);
  });

  it('when an upload is already attached, attaching it again is refused with 400 naming it', async () => {
    const a = await uploaded(k.residentA);
    expect((await post('/tickets', k.residentA, ticketBody({ attachmentIds: [a.id] }))).status).toBe(201);
    const again = await post('/tickets', k.residentA, ticketBody({ attachmentIds: [a.id] }));
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(new RegExp(`${a.id} is already attached`));
  });

  it('when the same filing is sent three times at once with one Idempotency-Key, all get the first answer', async () => {
    const a = await uploaded(k.residentA);
    const headers = { 'idempotency-key': `photo-twins-${a.id}` };
    const body = ticketBody({ attachmentIds: [a.id] });
    const replies = await Promise.all([1, 2, 3].map(() => http(t.url, 'POST', '/tickets', { token: k.residentA, body, headers })));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await attachedTo(a.id)).toBe(replies[0].body.id);
  });

  it('when the filing itself is refused, the upload stays unattached and can be used later', async () => {
    const a = await uploaded(k.residentA);
    const refused = await post('/tickets', k.residentA, ticketBody({ communityId: 'xingang', attachmentIds: [a.id] }));
    expect(refused.status).toBe(403);
    expect(await attachedTo(a.id)).toBeNull();
    expect((await post('/tickets', k.residentA, ticketBody({ attachmentIds: [a.id] }))).status).toBe(201);
  });

  it('when the ids are malformed or more than nine, the request is refused naming attachmentIds', async () => {
    const bad = await post('/tickets', k.residentA, ticketBody({ attachmentIds: ['x'] }));
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/attachmentIds/);
    const ten = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`.slice(0, 36));
    const tooMany = await post('/tickets', k.residentA, ticketBody({ attachmentIds: ten }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.detail).toMatch(/attachmentIds must contain no more than 9/);
  });

  it('when staff acknowledge, act and resolve with photos, each event carries its own', async () => {
    const filed = await post('/tickets', k.residentA, ticketBody());
    const steps: [string, Record<string, unknown>][] = [
      ['acknowledge', { message: '收到' }],
      ['actions', { description: '更换控制板' }],
      ['resolve', { resolution: '已修好' }],
    ];
    for (const [path, body] of steps) {
      const photo = await uploaded(k.staff);
      const r = await post(`/tickets/${filed.body.id}/${path}`, k.staff, { ...body, attachmentIds: [photo.id] });
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
    }
    const timeline = await http(t.url, 'GET', `/tickets/${filed.body.id}/timeline`, { token: k.admin });
    const carrying = timeline.body.events.filter((e: any) => e.data.attachments?.length === 1).map((e: any) => e.type);
    expect(carrying).toEqual(['TicketAcknowledged', 'TicketActionRecorded', 'TicketResolved']);
  });
});

describe('who sees an attached photo', () => {
  let publicPhoto: string;
  let internalPhoto: string;
  let position: number;
  beforeAll(async () => {
    const photo = await uploaded(k.residentA);
    const filed = await post('/tickets', k.residentA, ticketBody({ attachmentIds: [photo.id] }));
    publicPhoto = photo.id;
    const note = await uploaded(k.staff);
    const comment = await post(`/tickets/${filed.body.id}/comments`, k.staff, {
      text: '业主家漏水照片',
      internal: true,
      attachmentIds: [note.id],
    });
    expect(comment.status).toBe(200);
    internalPhoto = note.id;
    position = comment.body.position;
  });
  const status = async (token: string, id: string) => (await download(t, token, `/attachments/${id}?minPosition=${position}`)).status;

  it.each([
    ['the reporter', 'residentA', 200],
    ['staff of the managing company', 'staff', 200],
    ['the committee', 'committee', 200],
    ['another resident of the community', 'residentB', 404],
    ['a resident of another community', 'residentX', 404],
    ['staff of another company', 'otherStaff', 404],
    ['a secretary of another community', 'otherSecretary', 404],
  ] as const)('when %s (%s) asks for the filing photo, the answer is %i', async (_, who, expected) =>
    expect(await status(k[who], publicPhoto)).toBe(expected),
  );

  it.each([
    ['the reporter', 'residentA', 404],
    ['staff of the managing company', 'staff', 200],
    ['the secretary', 'secretary', 200],
    ['staff of another company', 'otherStaff', 404],
  ] as const)('when %s (%s) asks for an internal comment photo, the answer is %i', async (_, who, expected) => {
    expect(await status(k[who], internalPhoto)).toBe(expected);
    expect((await download(t, k[who], `/attachments/${internalPhoto}/thumbnail?minPosition=${position}`)).status).toBe(expected);
  });

  it('when the reporter reads the timeline, the internal comment and its photo are not in it', async () => {
    const rows = await sql(t, `SELECT attached_to_ticket FROM attachments WHERE id = $1`, [internalPhoto]);
    const timeline = await http(t.url, 'GET', `/tickets/${rows[0].attached_to_ticket}/timeline`, { token: k.residentA });
    expect(JSON.stringify(timeline.body)).not.toContain(internalPhoto);
  });
});
