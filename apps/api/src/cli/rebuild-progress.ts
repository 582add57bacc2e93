import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { RebuildProgress } from '@jinlin/projections';

/** What a rebuild shows while it runs: one bar per projection on a terminal, plain lines elsewhere (CI, a pipe). */
export interface RebuildDisplay {
  update(progress: RebuildProgress): void;
  stop(): void;
}

const rate = (p: RebuildProgress) => Math.round(p.events / Math.max(p.elapsedMs / 1000, 0.001));

/**
 * cli-progress draws the bars: one line each, redrawn in place, the bar's width fitted to the
 * terminal so that no line wraps (a wrapped line is redrawn as a new one, and the screen fills).
 */
export function barsFor(names: readonly string[], out: NodeJS.WriteStream): RebuildDisplay {
  const label = Math.max(...names.map((n) => n.length));
  const fixed = label + 48; // the text around the bar: percentage, counts, rate, ETA
  const multi = new MultiBar(
    {
      stream: out,
      format: `{name} {bar} {percentage}% {value}/{total} {rate} ev/s ETA {eta_formatted}`,
      barsize: Math.max(10, Math.min(40, (out.columns ?? 80) - fixed)),
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>(names.map((n) => [n, multi.create(1, 0, { name: n.padEnd(label), rate: 0 })]));
  return {
    update: (p) => {
      const bar = bars.get(p.projection);
      if (!bar) return;
      bar.setTotal(Math.max(p.head, 1));
      bar.update(Math.min(p.position, Math.max(p.head, 1)), { rate: rate(p) });
    },
    stop: () => multi.stop(),
  };
}

/** Without a terminal: each projection's state as a line, at most once a second. */
export function linesFor(out: NodeJS.WritableStream, everyMs = 1000): RebuildDisplay {
  const latest = new Map<string, RebuildProgress>();
  let printed = 0;
  const print = () => {
    for (const p of latest.values()) out.write(`${p.projection}: ${p.position}/${p.head} (${rate(p)} ev/s)\n`);
  };
  return {
    update: (p) => {
      latest.set(p.projection, p);
      if (Date.now() - printed >= everyMs) {
        printed = Date.now();
        print();
      }
    },
    stop: print,
  };
}
