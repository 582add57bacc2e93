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
