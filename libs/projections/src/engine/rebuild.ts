import type { DataSource } from 'typeorm';
import type { EventStore } from '@jinlin/event-store';
import { applyPage, readPage, tryLockProjection, unlockProjection } from './batch';
import { ensureCheckpoint, lockCheckpoint, readCheckpoint, saveCheckpoint, type StoredCheckpoint } from './checkpoints';
import type { Projection } from './projection';

export type RebuildProgress = Readonly<{ projection: string; position: number; head: number; events: number; elapsedMs: number }>;

/**
 * Empties a projection and replays the log into it. The reset happens under the checkpoint's row
 * lock, so a service instance that runs this projection notices (its checkpoint no longer matches)
 * and replays from the start too; when no instance runs it, the rebuild replays it here.
 */
export async function rebuildProjection(
  projection: Projection,
  store: EventStore,
  dataSource: DataSource,
  options: Readonly<{ batchSize: number; onProgress?: (p: RebuildProgress) => void; pollMs?: number }>,
): Promise<RebuildProgress> {
  const started = Date.now();
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  try {
    await ensureCheckpoint(qr.manager, projection.name);
    await qr.startTransaction();
    await lockCheckpoint(qr.manager, projection.name);
    if (projection.tables.length) await qr.query(`TRUNCATE ${projection.tables.map((t) => `"${t}"`).join(', ')}`);
    await saveCheckpoint(qr.manager, projection.name, { checkpoint: null, position: 0 });
    await qr.commitTransaction();

    const head = (await store.head()).position;
    let events = 0;
    const report = (at: StoredCheckpoint): RebuildProgress => {
      const p = { projection: projection.name, position: at.position, head, events, elapsedMs: Date.now() - started };
      options.onProgress?.(p);
      return p;
    };
    if (await tryLockProjection(qr, projection.name)) {
      try {
        let at: StoredCheckpoint = { checkpoint: null, position: 0 };
        const prefetch = (from: StoredCheckpoint) => {
          const page = readPage(store, projection, from, options.batchSize);
          page.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
          return page;
        };
        let next = prefetch(at);
        for (;;) {
          const page = await next;
          // Read the following page while this one is applied: the database reads on one
          // connection while it writes on another, and Node folds in between.
          if (page.checkpoint !== at.checkpoint) next = prefetch({ checkpoint: page.checkpoint, position: page.position ?? at.position });
          const outcome = await applyPage(qr, projection, at, page, options.batchSize);
          if (outcome.kind === 'idle') return report(at);
          if (outcome.kind === 'fenced') next = prefetch(outcome.at);
          at = outcome.at;
          // Progress is the log covered, not just the events this projection handles.
          events = at.position;
          report(at);
        }
      } finally {
        await unlockProjection(qr, projection.name);
      }
    }
    // Another instance holds the projection and replays it: follow its progress until caught up.
    for (;;) {
      const at = await readCheckpoint(qr.manager, projection.name);
      events = at.position;
      const progress = report(at);
      if ((await store.backlog(at.checkpoint, 1)).events === 0) return progress;
      await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
    }
  } finally {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    await qr.release();
  }
}
