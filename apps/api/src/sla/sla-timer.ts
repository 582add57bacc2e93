import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '@jinlin/domain';
import { findDueDeadlines, type DueDeadline } from '@jinlin/projections';
import type { CommandContext } from '../commands/command-context';
import { LeaderLoop } from '../timers/leader-loop';
import { RecordDeadlineCommand } from './record-deadline/record-deadline.command';
import type { Clock } from './sla-clock';

export type SlaTimerOptions = Readonly<{ run: boolean; intervalMs: number; pageSize?: number; parallel?: number }>;

export type TickReport = Readonly<{ due: number; recorded: number; failed: number; lastPosition: number }>;

/**
 * Records what time alone decides (SPEC §4.2 rule 4, §4.9): a warning at warnAtPercent of a
 * deadline (TicketSlaWarning), a missed deadline (TicketSlaBreached), each step of the escalation
 * ladder after a resolve breach (TicketEscalated by `system`), and the automatic close 7 days
 * after an unanswered resolve (TicketAutoClosed). It only asks; each ticket answers with what has
 * come due, nothing when the moment has not come or was already recorded (a late timer gets every
 * missed step at once, in order), and the store's expected-version check stops a racing instance
 * from appending it twice. So a tick may be repeated, overlap another, or die half-way: nothing is
 * ever recorded twice, and no level is climbed twice.
 */
export class SlaTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('sla-timer');
  private readonly loop: LeaderLoop<TickReport>;

  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly options: SlaTimerOptions,
  ) {
    this.loop = new LeaderLoop(dataSource, 'sla-timer', options.intervalMs, () => this.tick(this.clock()));
  }

  onApplicationBootstrap(): void {
    if (this.options.run) this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One turn of the loop: a tick at the clock's time if this instance leads, else null. */
  runOnce(): Promise<TickReport | null> {
    return this.loop.runOnce();
  }

  /** Asks every ticket with a deadline, warning or ladder step due at `now` (per the sla-deadlines projection) to record it. */
  async tick(now: Date): Promise<TickReport> {
    const pageSize = this.options.pageSize ?? 200;
    const report = { due: 0, recorded: 0, failed: 0, lastPosition: 0 };
    for (let after: DueDeadline | null = null; !this.loop.stopping;) {
      const page = await findDueDeadlines(this.dataSource.manager, now, after, pageSize);
      const positions = await atMost(this.options.parallel ?? 8, page, (d) => this.fire(d, now));
      for (const p of positions) {
        if (p === null) report.failed += 1;
        else if (p > 0) report.recorded += 1;
        report.lastPosition = Math.max(report.lastPosition, p ?? 0);
      }
      report.due += page.length;
      if (page.length < pageSize) break;
      after = page[page.length - 1];
    }
    if (report.recorded || report.failed)
      this.log.log(`at ${now.toISOString()}: ${report.recorded} recorded, ${report.failed} failed of ${report.due} due`);
    return report;
  }

  /** The position of what the ticket recorded, 0 for nothing, null when the attempt failed. */
  private async fire(deadline: DueDeadline, now: Date): Promise<number | null> {
    const ctx: CommandContext = {
      actor: SYSTEM_PRINCIPAL,
      now: now.toISOString(),
      correlationId: `sla-timer:${deadline.ticketId}:${deadline.kind}:${deadline.dueAt.toISOString()}`,
    };
    try {
      const result = await this.commands.execute(new RecordDeadlineCommand(deadline.ticketId, deadline.kind, ctx));
      return result.position;
    } catch (error) {
      this.log.error(`ticket ${deadline.ticketId}, ${deadline.kind}: ${(error as Error)?.message ?? error}`, (error as Error)?.stack);
      return null;
    }
  }
}

/** `run` over every item, `width` at a time: the next one starts as soon as any finishes, not when a whole group has. */
async function atMost<T, R>(width: number, items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
