import type { DataSource, QueryRunner } from 'typeorm';
import type { EventStore, ReadAllResult } from '@jinlin/event-store';
import { applyPage, tryLockProjection, unlockProjection } from './batch';
import { ensureCheckpoint, lockCheckpoint, readCheckpoint, saveCheckpoint, type StoredCheckpoint } from './checkpoints';
import type { Projection } from './projection';

export type RebuildProgress = Readonly<{ projection: string; position: number; head: number; events: number; elapsedMs: number }>;
export type RebuildOptions = Readonly<{
  batchSize: number;
  onProgress?: (p: RebuildProgress) => void;
  pollMs?: number;
  /** Told when giving a connection back fails (rollback, unlock, release); the rebuild's own outcome stands either way. */
  onError?: (projection: string, error: unknown) => void;
}>;

type Run = {
  readonly projection: Projection;
  readonly qr: QueryRunner;
  readonly handles: ReadonlySet<string>;
  locked: boolean;
  at: StoredCheckpoint;
};

const START: StoredCheckpoint = { checkpoint: null, position: 0 };

/** Empties one projection and replays the log into it; see rebuildProjections. */
export async function rebuildProjection(
  projection: Projection,
  store: EventStore,
  dataSource: DataSource,
  options: RebuildOptions,
): Promise<RebuildProgress> {
  const [progress] = await rebuildProjections([projection], store, dataSource, options);
  return progress;
}

/**
 * Empties projections and replays the log into them. Each reset happens under the checkpoint's
 * row lock, so a service instance that runs that projection notices (its checkpoint no longer
 * matches) and replays from the start too; the projections no instance runs are replayed here,
 * all from one pass over the log: each page is read once (the next one while the current one is
 * written), and every projection applies its share of it on its own connection, side by side.
 */
export async function rebuildProjections(
  projections: readonly Projection[],
  store: EventStore,
  dataSource: DataSource,
  options: RebuildOptions,
): Promise<RebuildProgress[]> {
  const started = Date.now();
  const runs: Run[] = [];
  try {
    for (const projection of projections) {
      const qr = dataSource.createQueryRunner();
      await qr.connect();
      runs.push({ projection, qr, handles: new Set(projection.handles), locked: false, at: START });
      await reset(qr, projection);
    }
    const head = (await store.head()).position;
    const report = (run: Run, at: StoredCheckpoint): RebuildProgress => {
      const p = { projection: run.projection.name, position: at.position, head, events: at.position, elapsedMs: Date.now() - started };
      options.onProgress?.(p);
      return p;
    };
    for (const run of runs) run.locked = await tryLockProjection(run.qr, run.projection.name);

    let fenced = await replayTogether(
      runs.filter((r) => r.locked),
      store,
      options.batchSize,
      report,
    );
    while (fenced.length) {
      const again: Run[] = [];
      for (const run of fenced) again.push(...(await replayTogether([run], store, options.batchSize, report, run.at)));
      fenced = again;
    }
    return await Promise.all(runs.map((run) => (run.locked ? report(run, run.at) : followHolder(run, store, options, report))));
  } finally {
    for (const run of runs) {
      const report = (error: unknown) => options.onError?.(run.projection.name, error);
      if (run.qr.isTransactionActive) await run.qr.rollbackTransaction().catch(report);
      if (run.locked) await unlockProjection(run.qr, run.projection.name).catch(report);
      await run.qr.release().catch(report);
    }
  }
}

async function reset(qr: QueryRunner, projection: Projection): Promise<void> {
  await ensureCheckpoint(qr.manager, projection.name);
  await qr.startTransaction();
  await lockCheckpoint(qr.manager, projection.name);
  if (projection.tables.length) await qr.query(`TRUNCATE ${projection.tables.map((t) => `"${t}"`).join(', ')}`);
  await saveCheckpoint(qr.manager, projection.name, START);
  await qr.commitTransaction();
}

/**
 * Replays the log from `from` into every run, one page at a time, until a page brings nothing new.
 * Returns the runs whose checkpoint someone else moved meanwhile (another rebuild): they left the
 * common pass and must go on alone from where that left them.
 */
async function replayTogether(
  runs: readonly Run[],
  store: EventStore,
  limit: number,
  report: (run: Run, at: StoredCheckpoint) => void,
  from: StoredCheckpoint = START,
): Promise<Run[]> {
  const fenced: Run[] = [];
  let together = [...runs];
  if (!together.length) return fenced;
  const types = [...new Set(together.flatMap((r) => r.projection.handles))];
  const prefetch = (at: StoredCheckpoint) => {
    const page = store.readAll({ after: at.checkpoint, limit, types });
    page.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    return page;
  };
  let at = from;
  let next = prefetch(at);
  while (together.length) {
    const page = await next;
    if (page.checkpoint === at.checkpoint) break;
    at = { checkpoint: page.checkpoint, position: page.position ?? at.position };
    next = prefetch(at);
    // allSettled: when one projection fails, the others finish their transactions before the
    // connections are given back.
    const settled = await Promise.allSettled(
      together.map((run) => applyPage(run.qr, run.projection, run.at, shareOf(page, run.handles), limit)),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await next.catch(() => undefined); // the page read ahead is no longer wanted: the projection's failure is what the caller hears
      throw failed.reason;
    }
    const outcomes = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof applyPage>>>).value);
    together = together.filter((run, i) => {
      const outcome = outcomes[i];
      if (outcome.kind === 'idle') return true;
      run.at = outcome.at;
      if (outcome.kind === 'fenced') {
        fenced.push(run);
        return false;
      }
      // Progress is the log covered, not just the events this projection handles.
      report(run, run.at);
      return true;
    });
  }
  return fenced;
}

function shareOf(page: ReadAllResult, handles: ReadonlySet<string>): ReadAllResult {
  return { ...page, events: page.events.filter((e) => handles.has(e.type)) };
}

/** Another instance holds the projection and replays it: follow its progress until caught up. */
async function followHolder(
  run: Run,
  store: EventStore,
  options: RebuildOptions,
  report: (run: Run, at: StoredCheckpoint) => RebuildProgress,
): Promise<RebuildProgress> {
  for (;;) {
    const at = await readCheckpoint(run.qr.manager, run.projection.name);
    const progress = report(run, at);
    if ((await store.backlog(at.checkpoint, 1)).events === 0) return progress;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
}
