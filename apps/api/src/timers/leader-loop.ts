import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { WakeablePause } from '@jinlin/projections';
import { LeaderLock } from './leader-lock';

/**
 * The loop of an in-service timer: every `intervalMs`, if this instance holds the named lock, one
 * turn. A failed turn is logged and gives the lock up (another instance may do better); `stop`
 * wakes a sleeping loop, waits for the turn in progress and releases the lock.
 */
export class LeaderLoop<T> {
  private readonly log: Logger;
  private readonly leader: LeaderLock;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly pauses = new WakeablePause();

  constructor(
    dataSource: DataSource,
    readonly name: string,
    private readonly intervalMs: number,
    private readonly turn: () => Promise<T>,
  ) {
    this.log = new Logger(name);
    this.leader = new LeaderLock(dataSource, name);
  }

  /** True once stop() was called: a long turn checks it to end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pauses.wake();
    await this.loop;
    this.loop = null;
    await this.leader.release();
  }

  /** Ends the pause now: something to do has come (a sleeping loop otherwise waits out its interval). */
  wake(): void {
    this.pauses.wake();
  }

  /** One turn if this instance leads; null when another one does. */
  async runOnce(): Promise<T | null> {
    if (!(await this.leader.acquire())) return null;
    return this.turn();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runOnce();
      } catch (error) {
        this.log.error(`turn failed; retrying in ${this.intervalMs} ms: ${(error as Error)?.message ?? error}`, (error as Error)?.stack);
        await this.leader.release();
      }
      await this.pause(this.intervalMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.pauses.wait(ms);
  }
}
