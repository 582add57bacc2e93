import { startEmbeddedPostgres } from '@jinlin/database';

/** Tests use DATABASE_URL when set; otherwise an embedded PostgreSQL kept under ./data/test-pg. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const port = Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54329);
  const db = await startEmbeddedPostgres({ dataDir: 'data/test-pg', port, database: 'jinlin_test' });
  process.env.DATABASE_URL = db.url;
  (globalThis as { __embeddedPg?: typeof db }).__embeddedPg = db;
  process.stdout.write(`\n[jinlin tests] no DATABASE_URL: using embedded PostgreSQL on port ${port}\n`);
}
