import { createDataSource } from '@jinlin/database';
import { READ_MODEL_ENTITIES, ALL_MIGRATIONS } from '../read-models';

const MIGRATION_LOCK = 7_000_001;

/** Several instances may start at once: the first migrates under an advisory lock, the rest wait. */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource({ url, entities: READ_MODEL_ENTITIES, migrations: ALL_MIGRATIONS, poolSize: 2 });
  await ds.initialize();
  const qr = ds.createQueryRunner();
  try {
    await qr.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await ds.runMigrations({ transaction: 'each' });
    await qr.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    return ran.map((m) => m.name);
  } finally {
    await qr.release();
    await ds.destroy();
  }
}
