import type { EscalationLevel, TicketEvent } from '../ticket/ticket.events';
import type { NotifiedTicket } from './notification.rules';

/** What each level is called on a notification. */
export const LEVEL_NAMES: Readonly<Record<EscalationLevel, string>> = {
  committee: '业委会',
  party_branch: '党支部',
  neighbourhood: '社区',
  subdistrict: '街道',
};

const KIND_NAMES = { acknowledge: '受理', resolve: '处理' } as const;

/** The bracketed tag that opens a notification, as the group robots of SPEC §9 show it. */
function tagOf(event: TicketEvent, ticket: NotifiedTicket): string | null {
  switch (event.type) {
    case 'TicketFiled':
      return '新报事';
    case 'TicketAssigned':
      return '新派单';
    case 'TicketSlaWarning':
      return `${KIND_NAMES[event.data.kind]}即将超时`;
    case 'TicketSlaBreached':
      return `${KIND_NAMES[event.data.kind]}已超时`;
    case 'TicketEscalated':
      return `已升级至${LEVEL_NAMES[event.data.level]}`;
    case 'TicketResolved':
      return '已处理';
    case 'TicketWaiting':
      return '待您补充';
    case 'TicketCommented':
      return ticket.reporterId !== null && event.data.by.id === ticket.reporterId ? '居民留言' : '物业回复';
    default:
      return null;
  }
}

/**
 * One line, the same for every recipient: 【新报事】前埔一里西小区 · 3号楼电梯停运. Only the
 * community and the title: no one's name, so an anonymous reporter stays anonymous to the company.
 */
export function summaryOf(event: TicketEvent, ticket: NotifiedTicket, communityName: string | null): string {
  const tag = tagOf(event, ticket) ?? event.type;
  return `【${tag}】${communityName ?? ticket.communityId} · ${ticket.title}`;
}
