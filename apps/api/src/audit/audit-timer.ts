import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { AUDIT_SEALS_STREAM, type AuditEvent } from '@jinlin/domain';
import type { EventStore } from '@jinlin/event-store';
import { LeaderLoop } from '../timers/leader-loop';
import { SealLogCommand } from './seal-log/seal-log.command';

export type AuditTimerOptions = Readonly<{ run: boolean; intervalMs: number }>;

const SHANGHAI_MS = 8 * 3_600_000; // UTC+8, no daylight saving
const DAY_MS = 86_400_000;
const SEAL_AT_MS = 5 * 60_000; // 00:05

/** The latest 00:05 Asia/Shanghai at or before `now`: the seal due by then. */
export function lastSealMoment(now: Date): Date {
  const local = now.getTime() + SHANGHAI_MS;
  const today = Math.floor(local / DAY_MS) * DAY_MS + SEAL_AT_MS;
  return new Date((local >= today ? today : today - DAY_MS) - SHANGHAI_MS);
}

/**
 * The daily seal (SPEC §8.1). Every TIMERS_INTERVAL_MS the instance that holds the lock asks
 * whether the last seal is older than the latest 00:05 in Shanghai and, if so, sends SealLog on the
 * bus. An instance that missed the moment (it was down) seals at its next look; two that both
 * look are kept to one seal by the decider and the stream's expected version.
 */
export class AuditTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('audit-timer');
  private readonly loop: LeaderLoop<boolean>;
  private doneFor: number | null = null;

  constructor(
    private readonly store: EventStore,
    dataSource: DataSource,
    private readonly bus: CommandBus,
    private readonly options: AuditTimerOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.loop = new LeaderLoop(dataSource, 'audit-seal', options.intervalMs, () => this.look());
  }

  onApplicationBootstrap(): void {
    if (this.options.run) this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One look if this instance leads: true when it appended a seal. */
  async runOnce(): Promise<boolean> {
    return (await this.loop.runOnce()) ?? false;
  }

  /** Seals when a seal is due; true when it appended one. */
  private async look(): Promise<boolean> {
    const now = this.clock();
    const due = lastSealMoment(now).getTime();
    if (this.doneFor === due) return false;
    const seals = await this.store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
    const last = seals[seals.length - 1];
    if (last && Date.parse(last.data.sealedAt) >= due) return false;
    const outcome = await this.bus.execute(new SealLogCommand(now));
    // An unmoved log leaves the last seal as old as it was: without this, each look would read every head again.
    this.doneFor = due;
    if (outcome.sealed) this.log.log(`sealed ${outcome.seal!.streams} streams up to ${outcome.seal!.upTo}: ${outcome.seal!.root}`);
    return outcome.sealed;
  }
}
