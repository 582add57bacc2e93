import { EventEmitter } from 'node:events';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EventStore } from '@jinlin/event-store';
import { applyNextBatch, tryLockProjection, unlockProjection, type AroundApply } from './batch';
import { ensureCheckpoint, readCheckpoint, type StoredCheckpoint } from './checkpoints';
import type { Projection } from './projection';
import { WakeablePause } from './wakeable-pause';

export type { AroundApply } from './batch';

export type RunnerOptions = Readonly<{
  batchSize: number;
  pollMs: number;
  lockRetryMs: number;
  /**
   * After a page that did not fill up (the follower is at the head), wait this long before reading again, whatever wakes us:
   * under a steady stream of appends that turns many one-event transactions into a few larger
   * ones, for at most this much more lag. 0 reads again at once.
   */
  gatherMs?: number;
  onError?: (projection: string, error: unknown) => void;
  /** Wraps each page's apply (the service traces it); absent, apply runs as it is. */
  aroundApply?: AroundApply;
}>;

/** Runs one projection in this process while it holds the projection's lock; stands by otherwise. */
export class ProjectionRunner {
  private stopped = false;
  private holding = false;
  private at: StoredCheckpoint = { checkpoint: null, position: 0 };
  private loop: Promise<void> | null = null;
  private readonly pauses = new WakeablePause();
  private interrupt: (() => void) | null = null;
  private offAppended: (() => void) | null = null;
  readonly progress = new EventEmitter();

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: RunnerOptions,
  ) {
    this.progress.setMaxListeners(0);
  }

  get running(): boolean {
    return this.holding;
  }

  /** Where this projection is: our own position while we run it, else what the holder saved. */
  async checkpoint(): Promise<StoredCheckpoint> {
    return this.holding ? this.at : readCheckpoint(this.dataSource.manager, this.projection.name);
  }

  start(): void {
    // Standby instances poll for the lock on their own clock; appends only hurry the holder.
    this.offAppended = this.store.onAppended(() => {
      if (this.holding) this.pauses.wake();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pauses.wake();
    this.interrupt?.();
    this.offAppended?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let qr: QueryRunner | null = null;
    while (!this.stopped) {
      try {
        if (!qr) {
          qr = this.dataSource.createQueryRunner();
          await qr.connect();
        }
        if (!(await tryLockProjection(qr, this.projection.name))) {
          await this.pause(this.options.lockRetryMs);
          continue;
        }
        try {
          await this.follow(qr);
        } finally {
          this.holding = false;
          // An unlock that fails leaves nothing behind: the connection is discarded next, and its session lock with it.
          await unlockProjection(qr, this.projection.name).catch(() => undefined);
          await discard(qr);
          qr = null;
        }
      } catch (error) {
        this.options.onError?.(this.projection.name, error);
        if (qr) await discard(qr);
        qr = null;
        await this.pause(this.options.lockRetryMs);
      }
    }
    if (qr) await discard(qr);
  }

  private async follow(qr: QueryRunner): Promise<void> {
    await ensureCheckpoint(qr.manager, this.projection.name);
    this.at = await readCheckpoint(qr.manager, this.projection.name);
    this.holding = true;
    while (!this.stopped) {
      const outcome = await applyNextBatch(this.store, qr, this.projection, this.at, this.options.batchSize, this.options.aroundApply);
      if (outcome.kind === 'idle') {
        await this.pause(this.options.pollMs);
        if (this.stopped) break;
        // A rebuild elsewhere may have reset us while there was nothing new to fence on.
        const stored = await readCheckpoint(qr.manager, this.projection.name);
        if (stored.checkpoint !== this.at.checkpoint) this.at = stored;
        continue;
      }
      this.at = outcome.at;
      this.progress.emit('progress', this.at);
      const gatherMs = this.options.gatherMs ?? 0;
      if (gatherMs > 0 && outcome.kind === 'applied' && !outcome.full) await this.sleep(gatherMs);
    }
  }

  /** Like pause, but appends do not shorten it; only stop() does. */
  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }

  private pause(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.pauses.wait(ms);
  }
}

/** A connection that held a session lock never goes back to the pool, where the lock would linger. */
async function discard(qr: QueryRunner): Promise<void> {
  const pg = qr as unknown as { releasePostgresConnection?: (error: Error) => Promise<void> };
  if (pg.releasePostgresConnection) await pg.releasePostgresConnection(new Error('projection connection retired'));
  else await qr.release();
}
