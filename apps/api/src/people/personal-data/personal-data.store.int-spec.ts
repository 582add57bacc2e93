import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { Open3111764300100000 } from '../../open311/1764300100000-open311';
import { PersonalData1764300021000 } from './1764300021000-personal-data';
import { PersonalDataRow } from './personal-data.entity';
import { PersonalDataStore } from './personal-data.store';

/** The personal-data table on real PostgreSQL: a registration is both or neither, erasure leaves nothing behind. */
let db: TestDatabase;
let ds: DataSource;
let store: PersonalDataStore;

beforeAll(async () => {
  db = await createTestDatabase('personal_data');
  ds = new DataSource({
    type: 'postgres',
    url: db.url,
    entities: [PersonalDataRow],
    migrations: [PersonalData1764300021000, Open3111764300100000],
  });
  await ds.initialize();
  await ds.runMigrations();
  store = new PersonalDataStore(ds);
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const person = (personId: string, username: string | null = null) => ({
  personId,
  name: '王阿姨',
  phone: '13912345678',
  username,
  passwordHash: username ? '$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA' : null,
});
const count = async (personId: string) =>
  Number((await ds.query(`SELECT count(*) AS n FROM pd_people WHERE person_id = $1`, [personId]))[0].n);
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

it('writes the row only when the append after it succeeds', async () => {
  expect(await store.create(person('p-ok'), async () => 'appended')).toBe('appended');
  expect(await count('p-ok')).toBe(1);
  const refused = store.create(person('p-refused'), async () => {
    throw new DomainError('PEOPLE_NOT_ALLOWED', 'no');
  });
  expect(await codeOf(refused)).toBe('PEOPLE_NOT_ALLOWED');
  expect(await count('p-refused')).toBe(0);
});

it('refuses a taken id as PERSON_EXISTS and a taken username, whatever its case, as USERNAME_TAKEN, before appending', async () => {
  let appended = 0;
  const append = async () => ++appended;
  await store.create(person('p-user', 'Wang.Ayi'), append);
  expect(await codeOf(store.create(person('p-user'), append))).toBe('PERSON_EXISTS');
  expect(await codeOf(store.create(person('p-other', 'wang.ayi'), append))).toBe('USERNAME_TAKEN');
  expect(appended).toBe(1);
  expect((await store.byUsername('WANG.AYI'))?.personId).toBe('p-user');
});

it('two registrations of one id at once: one wins, the other is a conflict', async () => {
  const slowAppend = () => new Promise<string>((r) => setTimeout(() => r('first'), 100));
  const results = await Promise.all([
    codeOf(store.create(person('p-race'), slowAppend)),
    codeOf(store.create(person('p-race'), slowAppend)),
  ]);
  expect(results.sort()).toEqual(['PERSON_EXISTS', null].sort());
  expect(await count('p-race')).toBe(1);
});

it('changes name and phone without touching the rest, and not after erasure', async () => {
  await store.create(person('p-edit', 'edit.me'), async () => 1);
  await store.changeProfile('p-edit', { phone: null });
  expect(await store.get('p-edit')).toMatchObject({ name: '王阿姨', phone: null, username: 'edit.me' });
  await store.changeProfile('p-edit', { name: '王秀英' });
  expect((await store.get('p-edit'))?.name).toBe('王秀英');
});

it('erases name, phone, username and hash, ends sessions, drops sign-in failures, and keeps the row as erased', async () => {
  await store.create(person('p-erase', 'erase.me'), async () => 1);
  await ds.query(
    `INSERT INTO auth_sessions (id_hash, person_id, csrf_token, expires_at) VALUES ('h1', 'p-erase', 'c', now() + interval '1 hour')`,
  );
  await ds.query(`INSERT INTO auth_failures (username) VALUES ('erase.me'), ('erase.me'), ('someone.else')`);
  expect(await store.erase('p-erase', async () => 'event')).toBe('event');
  const row = await store.get('p-erase');
  expect(row).toMatchObject({ name: null, phone: null, username: null, passwordHash: null });
  expect(row?.erasedAt).toBeInstanceOf(Date);
  expect(await store.byUsername('erase.me')).toBeNull();
  const sessions = await ds.query(`SELECT revoked_at FROM auth_sessions WHERE person_id = 'p-erase'`);
  expect(sessions[0].revoked_at).not.toBeNull();
  const failures = await ds.query(`SELECT username FROM auth_failures ORDER BY username`);
  expect(failures.map((f: { username: string }) => f.username)).toEqual(['someone.else']);
  await store.changeProfile('p-erase', { name: '回来了' });
  expect((await store.get('p-erase'))?.name).toBeNull();
});

it("erases the contact details of the person's Open311 requests, and no one else's", async () => {
  await store.create(person('p-o311'), async () => 1);
  await ds.query(
    `INSERT INTO pd_open311_contacts (ticket_id, person_id, email, phone) VALUES ('t1', 'p-o311', 'a@example.cn', '13800000001'),
       ('t2', 'p-other', 'b@example.cn', '13800000002')`,
  );
  await store.erase('p-o311', async () => 'event');
  const rows = await ds.query(
    `SELECT ticket_id, email, phone, erased_at IS NOT NULL AS erased FROM pd_open311_contacts ORDER BY ticket_id`,
  );
  expect(rows).toEqual([
    { ticket_id: 't1', email: null, phone: null, erased: true },
    { ticket_id: 't2', email: 'b@example.cn', phone: '13800000002', erased: false },
  ]);
});

it('an erasure whose append fails has erased all the same: the data goes first, the event is recorded on a retry', async () => {
  await store.create(person('p-keep', 'keep.me'), async () => 1);
  const failed = store.erase('p-keep', async () => {
    throw new Error('store down');
  });
  expect(await codeOf(failed)).toMatch(/store down/);
  expect(await store.get('p-keep')).toMatchObject({ name: null, phone: null, username: null, passwordHash: null });
  expect(await store.erase('p-keep', async () => 'recorded')).toBe('recorded');
});

it('a profile change for a registered person without a row writes one; an erased row stays erased', async () => {
  await store.changeProfile('p-missing', { name: '补录' });
  expect(await store.get('p-missing')).toMatchObject({ name: '补录', phone: null });
  await store.changeProfile('p-missing', { phone: '13900000000' });
  expect(await store.get('p-missing')).toMatchObject({ name: '补录', phone: '13900000000' });
});

it('a new password hash ends every other session of the person', async () => {
  await store.create(person('p-pass', 'pass.me'), async () => 1);
  await ds.query(
    `INSERT INTO auth_sessions (id_hash, person_id, csrf_token, expires_at) VALUES ('keep', 'p-pass', 'c', now() + interval '1 hour'), ('other', 'p-pass', 'c', now() + interval '1 hour')`,
  );
  await store.setPasswordHash('p-pass', '$argon2id$new', 'keep');
  const rows = await ds.query(
    `SELECT id_hash, revoked_at IS NOT NULL AS revoked FROM auth_sessions WHERE person_id = 'p-pass' ORDER BY id_hash`,
  );
  expect(rows).toEqual([
    { id_hash: 'keep', revoked: false },
    { id_hash: 'other', revoked: true },
  ]);
  expect((await store.get('p-pass'))?.passwordHash).toBe('$argon2id$new');
});
