import { COUNTER_NAMES, contributionOf, zeroCounters, type Counters } from './contribution';
import { BLOCK_LEVELS, blockStart } from './day-blocks';
import { dayKey } from './shanghai-day';
import type { TicketMetric } from './ticket-metric';

type Dimensions = Readonly<{ day: string; communityId: string; companyId: string; category: string; building: string }>;
export type DailyDelta = Dimensions & { counters: Counters };
/** lo/hi: bounds of the values this batch adds (removals keep the stored bounds, which stay safe). */
export type HistDelta = Dimensions & { level: number; kind: number; bucket: number; n: number; lo: number | null; hi: number | null };

/**
 * What a batch changes in the pre-aggregated tables: each changed ticket takes back what it
 * contributed before the batch and adds what it contributes now.
 */
export class Deltas {
  private readonly daily = new Map<string, DailyDelta>();
  private readonly hist = new Map<string, HistDelta>();
  private readonly dayKeys = new Map<number, string>();

  add(m: TicketMetric, sign: 1 | -1): void {
    const c = contributionOf(m);
    const dims = `${m.communityId}\u0000${m.companyId}\u0000${m.category}\u0000${m.building}`;
    const day = this.key(c.day);
    const dailyKey = `${day}\u0000${dims}`;
    let row = this.daily.get(dailyKey);
    if (!row)
      this.daily.set(
        dailyKey,
        (row = {
          day,
          communityId: m.communityId,
          companyId: m.companyId,
          category: m.category,
          building: m.building,
          counters: zeroCounters(),
        }),
      );
    for (const name of COUNTER_NAMES) row.counters[name] += sign * c.counters[name];
    for (let level = 0; level < BLOCK_LEVELS; level++) {
      const blockDay = this.key(blockStart(c.day, level));
      const prefix = `${level}\u0000${blockDay}\u0000${dims}\u0000`;
      for (const [kind, bucket, value] of c.hist) {
        const key = `${prefix}${kind}\u0000${bucket}`;
        let entry = this.hist.get(key);
        if (!entry) {
          entry = {
            day: blockDay,
            communityId: m.communityId,
            companyId: m.companyId,
            category: m.category,
            building: m.building,
            level,
            kind,
            bucket,
            n: 0,
            lo: null,
            hi: null,
          };
          this.hist.set(key, entry);
        }
        entry.n += sign;
        if (sign > 0 && value !== null) {
          entry.lo = entry.lo === null ? value : Math.min(entry.lo, value);
          entry.hi = entry.hi === null ? value : Math.max(entry.hi, value);
        }
      }
    }
  }

  dailyRows(): DailyDelta[] {
    return [...this.daily.values()].filter((d) => COUNTER_NAMES.some((name) => d.counters[name] !== 0));
  }

  histRows(): HistDelta[] {
    return [...this.hist.values()].filter((h) => h.n !== 0 || h.lo !== null);
  }

  private key(day: number): string {
    let key = this.dayKeys.get(day);
    if (key === undefined) this.dayKeys.set(day, (key = dayKey(day)));
    return key;
  }
}
