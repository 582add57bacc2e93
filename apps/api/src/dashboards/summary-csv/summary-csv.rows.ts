import type { Summary } from '@jinlin/projections';
import type { CsvValue } from '../csv';
import { FIGURE_COLUMNS, shanghaiTime } from '../report-format';

/** A total row, then one row per group, each with the period in UTC+8. */
export function summaryRows(summary: Summary, groupBy: string, names: ReadonlyMap<string, string>): CsvValue[][] {
  const period = [shanghaiTime(Date.parse(summary.from)), shanghaiTime(Date.parse(summary.to))];
  const header = ['分组 groupBy', '键 key', '名称 name', '起(UTC+8) from', '止(UTC+8) to', ...FIGURE_COLUMNS.map(([heading]) => heading)];
  const total = ['合计 total', '', '合计', ...period, ...FIGURE_COLUMNS.map(([, value]) => value(summary.total))];
  const groups = (summary.groups ?? []).map((g) => [
    groupBy,
    g.key,
    names.get(g.key) ?? g.key,
    ...period,
    ...FIGURE_COLUMNS.map(([, value]) => value(g)),
  ]);
  return [header, total, ...groups];
}
