import type { CsvValue } from '../csv';
import { FIGURE_COLUMNS, shanghaiTime } from '../report-format';
import { HANDOVER_COLUMNS, TICKET_COLUMNS, reportTickets } from './monthly-report.rows';
import type { MonthlyReportData } from './monthly-report.source';

/** The page's one stylesheet, served beside it: the CSP of HTML pages allows no inline style or script. */
export const MONTHLY_STYLESHEET_PATH = '/reports/assets/monthly.css';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: CsvValue): string =>
  value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

function table<T>(
  caption: string,
  columns: readonly (readonly [string, (row: T) => CsvValue])[],
  rows: readonly T[],
  empty: string,
): string {
  if (!rows.length) return `<section><h2>${esc(caption)}</h2><p class="empty">${esc(empty)}</p></section>`;
  const head = columns.map(([heading]) => `<th scope="col">${esc(heading)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map(([, value]) => `<td>${esc(value(row))}</td>`).join('')}</tr>`).join('\n');
  return `<section><h2>${esc(caption)}</h2><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

/**
 * The monthly report as a page to print for the joint meeting (一月一联席会): the same data and
 * formats as the CSV (SPEC §6), Chinese first, a print stylesheet, no script.
 */
export function monthlyPage(data: MonthlyReportData): string {
  const { report, seals, handovers } = data;
  const { community, month, summary } = report;
  const title = `${community.name} ${month} 月度联席会报表`;
  const figures = FIGURE_COLUMNS.map(
    ([heading, value]) => `<tr><th scope="row">${esc(heading)}</th><td>${esc(value(summary.total))}</td></tr>`,
  );
  const sealColumns: readonly (readonly [string, (s: (typeof seals)[number]) => CsvValue])[] = [
    ['封存时间 sealedAt', (s) => shanghaiTime(Date.parse(s.sealedAt))],
    ['截至位置 upTo', (s) => s.upTo],
    ['事件流数 streams', (s) => s.streams],
    ['默克尔根 root', (s) => s.root],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${MONTHLY_STYLESHEET_PATH}">
</head>
<body>
<header>
<h1>${esc(title)} <span lang="en">monthly joint meeting report</span></h1>
<dl>
<dt>小区 community</dt><dd>${esc(community.name)} (${esc(community.id)})</dd>
<dt>月份 month</dt><dd>${esc(month)}（时间均为北京时间 times in UTC+8）</dd>
<dt>数据截至 asOfPosition</dt><dd>${esc(summary.asOfPosition)}</dd>
</dl>
</header>
<main>
<section><h2>指标 figures</h2><table class="figures"><tbody>
${figures.join('\n')}
</tbody></table></section>
${table('物业交接进度 handover progress', HANDOVER_COLUMNS, handovers, '本月无交接 no handover this month')}
${table('审计封存 audit seals（请核对并会签 to be countersigned）', sealColumns, seals, '本月无封存 no seals this month')}
${table('本月工单 tickets of the month', TICKET_COLUMNS, reportTickets(data), '本月无工单 no tickets this month')}
</main>
<footer><p>签字 signatures: ____________ ____________ ____________</p></footer>
</body>
</html>
`;
}
