import { COUNTER_NAMES, contributionOf, zeroCounters, type Counters } from './contribution';
import { BLOCK_LEVELS, blockStart } from './day-blocks';
import { dayKey } from './shanghai-day';
import type { TicketMetric } from './ticket-metric';

export type Dimensions = Readonly<{ day: string; communityId: string; companyId: string; category: string }>;
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
    const dims = `${m.communityId}\u0000${m.companyId}\u0000${m.category}`;
    const day = this.key(c.day);
    const row = this.daily.get(`${day}\u0000${dims}`) ?? { day, communityId: m.communityId, companyId: m.companyId, category: m.category, counters: zeroCounters() };
    for (const name of COUNTER_NAMES) row.counters[name] += sign * c.counters[name];
    this.daily.set(`${day}\u0000${dims}`, row);
    for (let level = 0; level < BLOCK_LEVELS; level++) {
      const block = { day: this.key(blockStart(c.day, level)), communityId: m.communityId, companyId: m.companyId, category: m.category };
      for (const [kind, bucket, value] of c.hist) {
        const key = `${level}\u0000${block.day}\u0000${dims}\u0000${kind}\u0000${bucket}`;
        const entry = this.hist.get(key) ?? { ...block, level, kind, bucket, n: 0, lo: null, hi: null };
        entry.n += sign;
        if (sign > 0 && value !== null) {
          entry.lo = entry.lo === null ? value : Math.min(entry.lo, value);
          entry.hi = entry.hi === null ? value : Math.max(entry.hi, value);
        }
        this.hist.set(key, entry);
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
