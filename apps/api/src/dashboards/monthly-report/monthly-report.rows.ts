import type { MonthlyTicket } from '@jinlin/projections';
import type { CsvValue } from '../csv';
import { FIGURE_COLUMNS, STATUS_NAMES, categoryName, hours, shanghaiTime, yesNo } from '../report-format';
import type { MonthHandover, MonthlyReportData } from './monthly-report.source';

/** A ticket row of the report: the projection's ticket and its assignee's name, looked up at read time. */
export type ReportTicket = MonthlyTicket & { assigneeName: string | null };

export const TICKET_COLUMNS: readonly (readonly [heading: string, value: (t: ReportTicket) => CsvValue])[] = [
  ['编号 id', (t) => t.id],
  ['提交时间 filedAt', (t) => shanghaiTime(t.filedAt)],
  ['类别 category', (t) => categoryName(t.category)],
  ['标题 title', (t) => t.title],
  ['状态 status', (t) => STATUS_NAMES[t.status] ?? t.status],
  ['地点 place', (t) => placeText(t)],
  ['处理人 assignee', (t) => t.assigneeName ?? t.assigneeId],
  ['响应时限 acknowledgeBy', (t) => shanghaiTime(t.acknowledgeBy)],
  ['首次响应时间 firstResponseAt', (t) => shanghaiTime(t.firstResponseAt)],
  ['首次响应用时(小时) firstResponseHours', (t) => hours(t.firstResponseSeconds)],
  ['按时响应 respondedInTime', (t) => (t.withdrawnAt ? '' : yesNo(t.respondedInTime))],
  ['解决时限 resolveBy', (t) => shanghaiTime(t.resolveBy)],
  ['最近解决时间 lastResolvedAt', (t) => shanghaiTime(t.lastResolvedAt)],
  ['解决用时(小时) resolutionHours', (t) => hours(t.resolutionSeconds)],
  ['关闭时间 closedAt', (t) => shanghaiTime(t.closedAt)],
  ['撤回时间 withdrawnAt', (t) => shanghaiTime(t.withdrawnAt)],
  ['重开(驳回或回访) reopened', (t) => yesNo(t.reopened)],
  ['评分 rating', (t) => t.rating],
  ['当前超期 overdue', (t) => yesNo(t.overdue)],
];

/** 3号楼 2单元 1203 (地下车库) 门口: the registered building's name, then the rest as written. */
export function placeText(t: Pick<ReportTicket, 'location' | 'buildingName'>): string {
  const l = t.location;
  if (!l) return '';
  const building = l.building ? (t.buildingName ?? `${l.building}号楼`) : null;
  return [building, l.unit, l.room, l.area, l.note && l.note !== [building, l.unit].filter(Boolean).join('') ? l.note : null]
    .filter(Boolean)
    .join(' ');
}

export const HANDOVER_STATUS_NAMES: Readonly<Record<string, string>> = { active: '进行中', completed: '已完成' };

export const HANDOVER_COLUMNS: readonly (readonly [heading: string, value: (h: MonthHandover) => CsvValue])[] = [
  ['交接 handover', (h) => h.id],
  ['状态 status', (h) => HANDOVER_STATUS_NAMES[h.status] ?? h.status],
  ['原物业 outgoing', (h) => h.outgoingCompanyId],
  ['新物业 incoming', (h) => h.incomingCompanyId],
  ['开始 startedAt', (h) => shanghaiTime(Date.parse(h.startedAt))],
  ['完成 finishedAt', (h) => (h.finishedAt ? shanghaiTime(Date.parse(h.finishedAt)) : null)],
  ['进度 progress', (h) => `${h.percentDone}%`],
  ['未解决问题数 openBlockers', (h) => h.openBlockers.length],
  ['未解决问题 blockers', (h) => h.openBlockers.map((b) => `${b.n}. ${b.text}`).join('；')],
];

/** The month's tickets with their assignees' names, as both the CSV and the page show them. */
export const reportTickets = ({ report, names }: MonthlyReportData): ReportTicket[] =>
  report.tickets.map((t) => ({ ...t, assigneeName: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null }));

/**
 * One sheet for the meeting: what the report is, the month's figures, the community's handovers of
 * the month, the month's audit seals, then every ticket of the month.
 */
export function monthlyRows(data: MonthlyReportData): CsvValue[][] {
  const { report, seals, handovers } = data;
  const { summary } = report;
  return [
    ['近邻 月度联席会报表 monthly joint meeting report'],
    ['小区 community', report.community.name, report.community.id],
    ['月份 month', report.month, '时间均为北京时间 times in UTC+8'],
    ['数据截至 asOfPosition', summary.asOfPosition],
    [],
    ['指标 figure', '值 value'],
    ...FIGURE_COLUMNS.map(([heading, value]) => [heading, value(summary.total)]),
    [],
    ['物业交接进度 handover progress'],
    ...(handovers.length
      ? [HANDOVER_COLUMNS.map(([heading]) => heading), ...handovers.map((h) => HANDOVER_COLUMNS.map(([, value]) => value(h)))]
      : [['本月无交接 no handover this month']]),
    [],
    ['审计封存 audit seals (请核对并会签 to be countersigned)'],
    ...(seals.length
      ? [
          ['封存时间 sealedAt', '截至位置 upTo', '事件流数 streams', '默克尔根 root'],
          ...seals.map((s) => [shanghaiTime(Date.parse(s.sealedAt)), s.upTo, s.streams, s.root]),
        ]
      : [['本月无封存 no seals this month']]),
    [],
    TICKET_COLUMNS.map(([heading]) => heading),
    ...reportTickets(data).map((t) => TICKET_COLUMNS.map(([, value]) => value(t))),
  ];
}
