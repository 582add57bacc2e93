import type { DataSource } from 'typeorm';
import type { EventStore } from '@jinlin/event-store';
import type { Projection, ProjectionStatus } from './projection';
import { ProjectionRunner, type RunnerOptions } from './projection-runner';

export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');

const LAG_COUNT_CAP = 100_000;

export class ProjectionEngine {
  private readonly runners: ProjectionRunner[];

  constructor(
    projections: readonly Projection[],
    private readonly store: EventStore,
    dataSource: DataSource,
    options: RunnerOptions,
  ) {
    this.runners = projections.map((p) => new ProjectionRunner(p, store, dataSource, options));
  }

  find<P extends Projection>(name: string): P | undefined {
    return this.runners.find((r) => r.projection.name === name)?.projection as P | undefined;
  }

  start(): void {
    for (const runner of this.runners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.runners.map(async (runner) => {
        const at = await runner.checkpoint();
        const backlog = await this.store.backlog(at.checkpoint, LAG_COUNT_CAP);
        return {
          name: runner.projection.name,
          position: at.position,
          lagEvents: backlog.events,
          lagMs: backlog.oldestRecordedAt ? Math.max(0, Date.now() - backlog.oldestRecordedAt.getTime()) : 0,
          running: runner.running,
        };
      }),
    );
  }

  /**
   * Read-your-writes: resolves true once every named projection (default: all) has applied the
   * event at this global position, false if the timeout passes first.
   */
  async waitFor(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    if (position <= 0) return true;
    const runners = names ? this.runners.filter((r) => names.includes(r.projection.name)) : this.runners;
    const deadline = Date.now() + timeoutMs;
    for (const runner of runners) {
      while (!(await this.store.covers((await runner.checkpoint()).checkpoint, position))) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(left, 25));
          function done() {
            clearTimeout(timer);
            runner.progress.off('progress', done);
            resolve();
          }
          runner.progress.once('progress', done);
        });
      }
    }
    return true;
  }
}
