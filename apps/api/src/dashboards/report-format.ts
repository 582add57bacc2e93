import { CATEGORIES, isCategory } from '@jinlin/domain';
import type { Figures } from '@jinlin/projections';
import type { CsvValue } from './csv';

const UTC8_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm:ss' in UTC+8, which Excel reads as a date and time. */
export function shanghaiTime(at: Date | number | null): string | null {
  if (at === null) return null;
  return new Date(new Date(at).getTime() + UTC8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export const categoryName = (code: string) => (isCategory(code) ? CATEGORIES[code].zh : code);

export const STATUS_NAMES: Readonly<Record<string, string>> = {
  open: '待受理',
  acknowledged: '已受理',
  in_progress: '处理中',
  waiting: '等待中',
  resolved: '已解决',
  closed: '已关闭',
  withdrawn: '已撤回',
  merged: '已合并',
};

/**
 * SPEC §6's report rules: a rate as a percentage with one decimal and its sign (`78.9%`, which a
 * spreadsheet reads as the number 0.789), a duration in hours with two decimals; empty when there
 * was nothing to count.
 */
export const percent = (rate: number | null): string | null => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);
export const hours = (seconds: number | null): number | null => (seconds === null ? null : Number((seconds / 3600).toFixed(2)));

/** Column headings in Chinese for the meeting, with the API's own names for anyone matching them up. */
export const FIGURE_COLUMNS: readonly (readonly [heading: string, value: (f: Figures) => CsvValue])[] = [
  ['受理数 filed', (f) => f.filed],
  ['撤回数 withdrawn', (f) => f.withdrawn],
  ['首次响应中位数(小时) firstResponseHours.p50', (f) => hours(f.firstResponseSeconds.p50)],
  ['首次响应P90(小时) firstResponseHours.p90', (f) => hours(f.firstResponseSeconds.p90)],
  ['解决用时中位数(小时) resolutionHours.p50', (f) => hours(f.resolutionSeconds.p50)],
  ['解决用时P90(小时) resolutionHours.p90', (f) => hours(f.resolutionSeconds.p90)],
  ['响应率 responseRate', (f) => percent(f.responseRate)],
  ['解决率 resolutionRate', (f) => percent(f.resolutionRate)],
  ['满意率 satisfactionRate', (f) => percent(f.satisfactionRate)],
  ['重开率 reopenRate', (f) => percent(f.reopenRate)],
  ['积压 backlog', (f) => f.backlog],
  ['超期 overdue', (f) => f.overdue],
  ['合并数 merged', (f) => f.merged],
  ['回访率 followUpRate', (f) => percent(f.followUpRate)],
  ['回访满意率 followUpSatisfactionRate', (f) => percent(f.followUpSatisfactionRate)],
];

export const yesNo = (b: boolean) => (b ? '是' : '否');
