import { maskIds, type TicketEvent } from '@jinlin/domain';
import { eventId, type StoredEvent } from '@jinlin/event-store';
import type { TicketRecord } from '../tickets/ticket-row';

/** One Chinese word per event type, for the robots' one-line summary (a new type fails the build here). */
export const EVENT_LABELS: Readonly<Record<TicketEvent['type'], string>> = {
  TicketFiled: '新报事',
  TicketAcknowledged: '已受理',
  TicketAssigned: '已派单',
  TicketActionRecorded: '处理进展',
  TicketCommented: '新留言',
  TicketResolved: '已办结',
  TicketResolutionConfirmed: '居民确认解决',
  TicketResolutionRejected: '居民不认可',
  TicketRated: '居民评价',
  TicketEscalated: '已升级',
  TicketWithdrawn: '已撤回',
  TicketAutoClosed: '自动关闭',
  TicketSlaBreached: '已超时',
  TicketTransferred: '已移交',
  TicketSupported: '居民附议',
  TicketVisibilityChanged: '公开范围变更',
  TicketMerged: '已合并',
  TicketDuplicateMerged: '合并重复报事',
  TicketFollowedUp: '已回访',
  TicketReopened: '重新打开',
  TicketClosedByFollowUp: '回访后关闭',
  TicketWaiting: '等待中',
  TicketResumed: '恢复处理',
  TicketSlaWarning: '即将超时',
};

/**
 * The `json` body, written once when the delivery is queued so that every attempt sends the same
 * document. Ticket context (community, title, status as of this event) and the event's own data,
 * which names people by id only. A webhook is treated as company-facing: on an anonymous ticket
 * the reporter's id is masked everywhere in the data, as the company's staff see it (SPEC §4.7).
 */
export type WebhookPayload = Readonly<{
  id: string;
  type: TicketEvent['type'];
  position: number;
  recordedAt: string;
  ticket: Readonly<{
    id: string;
    communityId: string;
    communityName: string;
    companyId: string;
    category: string;
    title: string;
    status: string;
  }>;
  data: Record<string, unknown>;
  summary: string;
}>;

export function webhookPayload(e: StoredEvent<TicketEvent>, ticket: TicketRecord, communityName: string | undefined): WebhookPayload {
  const community = communityName ?? ticket.community_id;
  const hidden = new Set(ticket.anonymous && ticket.reporter_id ? [ticket.reporter_id] : []);
  // As the timeline (ticket.privacy.ts): an anonymous duplicate's reporter, now a supporter, and on
  // an anonymous ticket every supporter (the one left masked would otherwise be the reporter).
  if (e.type === 'TicketDuplicateMerged' && e.data.supporterId !== null && (e.data.supporterAnonymous || ticket.anonymous))
    hidden.add(e.data.supporterId);
  if (e.type === 'TicketSupported' && ticket.anonymous) hidden.add(e.data.by.id);
  return {
    id: eventId(e),
    type: e.type,
    position: e.globalPosition,
    recordedAt: e.recordedAt.toISOString(),
    ticket: {
      id: ticket.id,
      communityId: ticket.community_id,
      communityName: community,
      companyId: ticket.company_id,
      category: ticket.category,
      title: ticket.title,
      status: ticket.status,
    },
    data: maskIds(e.data as Record<string, unknown>, hidden),
    summary: `【${EVENT_LABELS[e.type] ?? e.type}】${community} · ${ticket.title}`,
  };
}
