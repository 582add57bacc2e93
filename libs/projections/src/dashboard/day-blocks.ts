/**
 * The histogram is kept at three sizes of aligned day blocks (1, 8 and 64 days), so a window of
 * whole days is read as a dozen or so blocks rather than one set of rows per day. More levels
 * would read fewer blocks but cost the projection a write per level for every change.
 */
export const BLOCK_LEVELS = 3;
const BLOCK_BASE = 8;

export const blockSize = (level: number): number => BLOCK_BASE ** level;

/** The block of each level that holds this day: its first day number. */
export const blockStart = (day: number, level: number): number => Math.floor(day / blockSize(level)) * blockSize(level);

export type DayBlock = Readonly<{ level: number; start: number }>;

/** Whole days [from, to) as the fewest aligned blocks, largest first where they fit. */
export function dayBlocks(from: number, to: number, maxLevel = BLOCK_LEVELS - 1): DayBlock[] {
  const blocks: DayBlock[] = [];
  for (let day = from; day < to;) {
    let level = maxLevel;
    while (level > 0 && (day % blockSize(level) !== 0 || day + blockSize(level) > to)) level--;
    blocks.push({ level, start: day });
    day += blockSize(level);
  }
  return blocks;
}

/** Consecutive blocks of one level, as ranges of their first days [first, last]. */
export function blockRuns(blocks: readonly DayBlock[]): { level: number; first: number; last: number }[] {
  const runs: { level: number; first: number; last: number }[] = [];
  for (const b of blocks) {
    const run = runs[runs.length - 1];
    if (run && run.level === b.level && run.last + blockSize(b.level) === b.start) run.last = b.start;
    else runs.push({ level: b.level, first: b.start, last: b.start });
  }
  return runs;
}
