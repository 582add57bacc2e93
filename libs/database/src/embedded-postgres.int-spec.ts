import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { serverUrl } from '@jinlin/testing';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * A CLI command next to a running service finds the service's embedded server by the port in its
 * postmaster.pid, whatever EMBEDDED_PG_PORT says (it used to fail with "failed: undefined" unless the
 * port was repeated). The test's own server stands in for the running one.
 */
it('when a server holds the data directory, it is shared on the port its postmaster.pid names', async () => {
  const server = new URL(serverUrl());
  const dir = mkdtempSync(join(tmpdir(), 'jl-embedded-'));
  const dataDir = join(dir, 'pg');
  const database = `jl_shared_${process.pid}`;
  try {
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dataDir, 'postmaster.pid'), `12345\n${dataDir}\n1764300000\n${server.port}\n/tmp\n127.0.0.1\n`);
    writeFileSync(`${dataDir}.password`, decodeURIComponent(server.password) || 'unused-under-trust');
    const shared = await startEmbeddedPostgres({ dataDir, port: 1, database });
    expect(new URL(shared.url).port).toBe(server.port);
    const client = new Client({ connectionString: shared.url });
    await client.connect();
    expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(database);
    await client.end();
    await shared.stop(); // a shared server is left running
    const admin = new Client({ connectionString: serverUrl() });
    await admin.connect();
    expect((await admin.query('SELECT 1')).rowCount).toBe(1);
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
