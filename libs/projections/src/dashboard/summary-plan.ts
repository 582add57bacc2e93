import { dayNumber, dayStart } from './shanghai-day';

/** Rounding a window edge to a day boundary: inward adds the partial day ticket by ticket, outward subtracts the rest. */
export type EdgeMode = 'inward' | 'outward';
export type EdgeModes = Readonly<{ from: EdgeMode; to: EdgeMode }>;

export type Interval = Readonly<{ lo: number; hi: number; sign: 1 | -1 }>;

/** Whole days [from, to) read from the daily sums, corrected by intervals read ticket by ticket. */
export type WindowPlan = Readonly<{ days: Readonly<{ from: number; to: number }> | null; edges: readonly Interval[] }>;

const MODES: readonly EdgeModes[] = [
  { from: 'inward', to: 'inward' },
  { from: 'inward', to: 'outward' },
  { from: 'outward', to: 'inward' },
  { from: 'outward', to: 'outward' },
];

/**
 * Any choice is exact; the automatic one reads the fewest tickets one by one, on the guess that
 * tickets are spread evenly over the past and none are filed in the future.
 */
export function planWindow(from: number, to: number, now: number, modes?: EdgeModes): WindowPlan {
  if (modes) return planWith(from, to, modes);
  const cost = (p: WindowPlan) => p.edges.reduce((sum, e) => sum + Math.max(0, Math.min(e.hi, now) - e.lo), 0);
  return MODES.map((m) => planWith(from, to, m)).reduce((best, p) => (cost(p) < cost(best) ? p : best));
}

function planWith(from: number, to: number, modes: EdgeModes): WindowPlan {
  const first = modes.from === 'outward' || dayStart(dayNumber(from)) === from ? dayNumber(from) : dayNumber(from) + 1;
  const last = modes.to === 'inward' || dayStart(dayNumber(to)) === to ? dayNumber(to) : dayNumber(to) + 1;
  if (first >= last) return { days: null, edges: [{ lo: from, hi: to, sign: 1 }] };
  const edges: Interval[] = [];
  const start = dayStart(first);
  const end = dayStart(last);
  if (from < start) edges.push({ lo: from, hi: start, sign: 1 });
  if (start < from) edges.push({ lo: start, hi: from, sign: -1 });
  if (end < to) edges.push({ lo: end, hi: to, sign: 1 });
  if (to < end) edges.push({ lo: to, hi: end, sign: -1 });
  return { days: { from: first, to: last }, edges };
}
