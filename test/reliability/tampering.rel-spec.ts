import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { http, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from '../support/world';

const AUDIT = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'cli', 'audit-verify.js');

let t: TestApp;
let k: Tokens;
let sql: Client;
beforeAll(async () => {
  t = await startTestApp('tamper');
  k = await tokensFor(t);
  await seedWorld(t, k);
  sql = new Client({ connectionString: t.db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
  await t.close();
});

async function audit(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [AUDIT], {
      env: { ...process.env, DATABASE_URL: t.db.url, JWT_SECRET: TEST_JWT_SECRET },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

it('when someone UPDATEs or DELETEs events, the database refuses', async () => {
  await expect(sql.query(`UPDATE es_events SET data = '{}' WHERE stream_version = 1`)).rejects.toThrow(/append-only/);
  await expect(sql.query(`DELETE FROM es_events`)).rejects.toThrow(/append-only/);
});

it('when a superuser alters a stored event behind the trigger, the timeline says broken and audit:verify names the stream and position', async () => {
  const filed = await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() });
  const id = filed.body.id as string;
  await http(t.url, 'POST', `/tickets/${id}/acknowledge`, { token: k.staff, body: { message: '收到' } });
  const clean = await audit();
  expect(clean).toMatchObject({ code: 0 });
  expect(clean.out).toMatch(/0 broken/);
  expect((await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.committee })).body.chain).toBe('valid');

  await sql.query('BEGIN');
  await sql.query('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
  const { rows } = await sql.query(
    `UPDATE es_events SET data = jsonb_set(data, '{message}', '"已解决（伪造）"') WHERE stream_id = $1 AND stream_version = 2 RETURNING global_position`,
    [`ticket-${id}`],
  );
  await sql.query('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
  await sql.query('COMMIT');

  expect((await http(t.url, 'GET', `/tickets/${id}/timeline`, { token: k.committee })).body.chain).toBe('broken');
  const report = await audit();
  expect(report.code).toBe(1);
  expect(report.out).toContain(`BROKEN stream ticket-${id} at version 2 (global position ${rows[0].global_position})`);
});

const SEAL = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'cli', 'audit-seal.js');

describe('audit seals (SPEC §8.1): what the hash chains alone cannot see', () => {
  let s: TestApp;
  let sk: Tokens;
  let db: Client;
  beforeEach(async () => {
    s = await startTestApp('sealed');
    sk = await tokensFor(s);
    await seedWorld(s, sk);
    db = new Client({ connectionString: s.db.url });
    await db.connect();
  });
  afterEach(async () => {
    await db.end();
    await s.close();
  });

  const run = async (script: string): Promise<{ code: number; out: string }> => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [script], {
        env: { ...process.env, DATABASE_URL: s.db.url, JWT_SECRET: TEST_JWT_SECRET },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, out: e.stdout };
    }
  };

  /** A ticket with two events, then a seal over it; audit:verify is clean at that point. */
  async function sealedTicket(): Promise<string> {
    const filed = await http(s.url, 'POST', '/tickets', { token: sk.residentA, body: ticketBody() });
    const id = filed.body.id as string;
    expect((await http(s.url, 'POST', `/tickets/${id}/acknowledge`, { token: sk.staff, body: { message: '收到' } })).status).toBe(200);
    const sealed = await run(SEAL);
    expect(sealed).toMatchObject({ code: 0 });
    expect(sealed.out).toMatch(/audit:seal: sealed \d+ streams up to position \d+ .*: root [0-9a-f]{64}/);
    const clean = await run(AUDIT);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.out).toContain('0 broken');
    expect(clean.out).toContain('audit:verify: 1 seals checked, 0 failed');
    return id;
  }

  it("when a superuser deletes a sealed ticket's last event behind the triggers, the chain still verifies but the seal fails and names the stream", async () => {
    const id = await sealedTicket();
    const [acknowledged] = (
      await db.query(`SELECT encode(hash, 'hex') AS hash FROM es_events WHERE stream_id = $1 AND stream_version = 2`, [`ticket-${id}`])
    ).rows;
    const [filed] = (
      await db.query(`SELECT encode(hash, 'hex') AS hash FROM es_events WHERE stream_id = $1 AND stream_version = 1`, [`ticket-${id}`])
    ).rows;
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(`DELETE FROM es_events WHERE stream_id = $1 AND stream_version = 2`, [`ticket-${id}`]);
    await db.query('COMMIT');

    const report = await run(AUDIT);
    expect(report.code).toBe(1);
    expect(report.out).toContain('0 broken'); // the chain of what is left is intact
    expect(report.out).toMatch(
      new RegExp(
        `SEAL [0-9a-f]{12} \\(upTo \\d+\\): stream ticket-${id} sealed at version 2 hash ${acknowledged.hash}, now version 1 hash ${filed.hash}`,
      ),
    );
    expect(report.out).toContain('audit:verify: 1 seals checked, 1 failed');
  });

  it("when a superuser rewrites a sealed event and recomputes its stream's chain, the chain verifies but the seal fails and names the stream", async () => {
    const id = await sealedTicket();
    const stream = `ticket-${id}`;
    await db.query('BEGIN');
    await db.query('ALTER TABLE es_events DISABLE TRIGGER ALL');
    await db.query(
      `UPDATE es_events SET data = jsonb_set(data, '{message}', '"已处理（伪造）"') WHERE stream_id = $1 AND stream_version = 2`,
      [stream],
    );
    await db.query(
      `UPDATE es_events e SET hash = es_event_hash(p.hash, e.stream_id, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.recorded_at)
         FROM es_events p WHERE e.stream_id = $1 AND e.stream_version = 2 AND p.stream_id = $1 AND p.stream_version = 1`,
      [stream],
    );
    await db.query('ALTER TABLE es_events ENABLE TRIGGER ALL');
    await db.query('COMMIT');
    expect((await http(s.url, 'GET', `/tickets/${id}/timeline`, { token: sk.committee })).body.chain).toBe('valid');

    const report = await run(AUDIT);
    expect(report.code).toBe(1);
    expect(report.out).toContain('0 broken');
    expect(report.out).toMatch(
      new RegExp(
        `SEAL [0-9a-f]{12} \\(upTo \\d+\\): stream ${stream} sealed at version 2 hash [0-9a-f]{64}, now version 2 hash [0-9a-f]{64}`,
      ),
    );
    expect(report.out).toContain('audit:verify: 1 seals checked, 1 failed');
  });

  it('when the stored leaves of a seal are altered as well, verify says so instead of naming streams', async () => {
    const id = await sealedTicket();
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(`DELETE FROM es_events WHERE stream_id = $1 AND stream_version = 2`, [`ticket-${id}`]);
    await db.query('COMMIT');
    await db.query(`UPDATE es_seal_leaves SET leaves = $1`, [Buffer.from('not gzip')]);

    const report = await run(AUDIT);
    expect(report.code).toBe(1);
    expect(report.out).toMatch(/SEAL [0-9a-f]{12} \(upTo \d+\): the log no longer gives its root, and its stored leaves were altered/);
    expect(report.out).not.toContain(`stream ticket-${id} sealed`);
  });
});
