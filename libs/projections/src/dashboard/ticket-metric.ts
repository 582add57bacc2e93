import { isCompanyActor, TICKET_EVENT_TYPES } from '@jinlin/domain';

export type MetricStatus = 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';

/** One ticket as the dashboards see it: times as epoch milliseconds. */
export type TicketMetric = Readonly<{
  id: string;
  communityId: string;
  /** The company responsible when the ticket was filed; a later transfer does not move it. */
  companyId: string;
  category: string;
  title: string;
  status: MetricStatus;
  filedAt: number;
  acknowledgeBy: number;
  resolveBy: number;
  firstResponseAt: number | null;
  lastResolvedAt: number | null;
  closedAt: number | null;
  withdrawnAt: number | null;
  everResolved: boolean;
  everRejected: boolean;
  rating: number | null;
  position: number;
}>;

export type MetricEvent = Readonly<{ type: string; data: Record<string, any>; globalPosition: number }>;

/**
 * Ticket events that change no figure of SPEC §6. TicketTransferred in particular: a ticket stays
 * with the company that had it when it was filed. Overdue comes from the deadlines, not from
 * TicketSlaBreached.
 */
const NOT_MEASURED: ReadonlySet<string> = new Set(['TicketAssigned', 'TicketEscalated', 'TicketSlaBreached', 'TicketTransferred']);

export const METRIC_EVENT_TYPES: readonly string[] = TICKET_EVENT_TYPES.filter((type) => !NOT_MEASURED.has(type));

const time = (iso: unknown): number => Date.parse(String(iso));
const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));
const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

/** A replayed event (at or before the stored position) changes nothing. */
export function evolveMetric(m: TicketMetric | null, e: MetricEvent): TicketMetric | null {
  if (e.type === 'TicketFiled') return m ?? filed(e);
  if (!m || e.globalPosition <= m.position) return m;
  const changed = change(m, e);
  return changed ? { ...changed, position: e.globalPosition } : m;
}

function filed(e: MetricEvent): TicketMetric {
  const d = e.data;
  return {
    id: d.ticketId,
    communityId: d.communityId,
    companyId: d.companyId,
    category: d.category,
    title: d.title ?? '',
    status: 'open',
    filedAt: time(d.filedAt),
    acknowledgeBy: time(d.acknowledgeBy),
    resolveBy: time(d.resolveBy),
    firstResponseAt: null,
    lastResolvedAt: null,
    closedAt: null,
    withdrawnAt: null,
    everResolved: false,
    everRejected: false,
    rating: null,
    position: e.globalPosition,
  };
}

/** A first response is the earliest of acknowledge, action, public comment by company staff, resolve. */
const responded = (m: TicketMetric, at: number) => ({ ...m, firstResponseAt: earliest(m.firstResponseAt, at) });

function change(m: TicketMetric, e: MetricEvent): TicketMetric | null {
  const d = e.data;
  switch (e.type) {
    case 'TicketAcknowledged':
      return { ...responded(m, time(d.acknowledgedAt)), status: m.status === 'open' ? 'acknowledged' : m.status };
    case 'TicketActionRecorded':
      return { ...responded(m, time(d.recordedAt)), status: 'in_progress' };
    case 'TicketCommented':
      return !d.internal && d.by && isCompanyActor({ roles: d.by.roles ?? [] }) ? responded(m, time(d.commentedAt)) : null;
    case 'TicketResolved': {
      const at = time(d.resolvedAt);
      return { ...responded(m, at), status: 'resolved', lastResolvedAt: latest(m.lastResolvedAt, at), everResolved: true };
    }
    case 'TicketResolutionConfirmed':
      return { ...m, status: 'closed', closedAt: time(d.confirmedAt) };
    case 'TicketAutoClosed':
      return { ...m, status: 'closed', closedAt: time(d.closedAt) };
    case 'TicketResolutionRejected':
      return { ...m, status: 'in_progress', everRejected: true };
    case 'TicketRated':
      return { ...m, rating: Number(d.score) };
    case 'TicketWithdrawn':
      return { ...m, status: 'withdrawn', withdrawnAt: time(d.withdrawnAt) };
    default:
      return null;
  }
}
