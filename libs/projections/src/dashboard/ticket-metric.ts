import {
  firstResponseAfter,
  isPlainResident,
  responseAt,
  TICKET_EVENT_TYPES,
  type ActorRef,
  type Role,
  type TicketEvent,
  type WaitingOn,
} from '@jinlin/domain';
import { exhaustive } from '../engine/projection';

export type MetricStatus = 'open' | 'acknowledged' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'withdrawn' | 'merged';
type WaitFrom = 'acknowledged' | 'in_progress';

/** One ticket as the dashboards see it: times as epoch milliseconds. */
export type TicketMetric = Readonly<{
  id: string;
  communityId: string;
  /** The company responsible when the ticket was filed; a later transfer does not move it. */
  companyId: string;
  category: string;
  /** The registered building the ticket names; '' for none. */
  building: string;
  title: string;
  status: MetricStatus;
  filedAt: number;
  /** The filing's deadlines; the resolve deadline as the waits on the resident pushed it back. */
  acknowledgeBy: number;
  resolveBy: number;
  /** The wait in progress, and the status it returns to (status `waiting`); all null otherwise. */
  waitingOn: WaitingOn | null;
  waitingSince: number | null;
  returnsTo: WaitFrom | null;
  firstResponseAt: number | null;
  lastResolvedAt: number | null;
  closedAt: number | null;
  withdrawnAt: number | null;
  everResolved: boolean;
  /** Rejected by the reporter or reopened by a poor follow-up: either is a reopen (SPEC §6 reopenRate). */
  everRejected: boolean;
  /** The score of the resident's rating; a rating by anyone else is no satisfaction figure. */
  rating: number | null;
  /** Follow-ups that reached the resident, and of those the ones scored 4 or 5. */
  followUpsReached: number;
  followUpsWell: number;
  position: number;
}>;

/** A ticket event and where it stands in the log (a StoredEvent<TicketEvent> is one). */
export type MetricEvent = TicketEvent & Readonly<{ globalPosition: number }>;

/**
 * Ticket events that change no figure of SPEC §6. TicketTransferred in particular: a ticket stays
 * with the company that had it when it was filed. Overdue comes from the deadlines, not from
 * TicketSlaBreached or TicketSlaWarning.
 */
const NOT_MEASURED: ReadonlySet<TicketEvent['type']> = new Set([
  'TicketAssigned',
  'TicketEscalated',
  'TicketSlaBreached',
  'TicketTransferred',
  'TicketSupported',
  'TicketVisibilityChanged',
  'TicketDuplicateMerged',
  'TicketSlaWarning',
]);

export const METRIC_EVENT_TYPES: readonly TicketEvent['type'][] = TICKET_EVENT_TYPES.filter((type) => !NOT_MEASURED.has(type));

const time = (iso: string): number => Date.parse(iso);
/** A rating counts only from a resident who is nobody's staff: a company never rates its own work. */
const ratedByResident = (by: ActorRef): boolean => isPlainResident({ roles: by.roles as Role[] });
const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

/** A replayed event (at or before the stored position) changes nothing. */
export function evolveMetric(m: TicketMetric | null, e: MetricEvent): TicketMetric | null {
  if (e.type === 'TicketFiled') return m ?? filed(e);
  if (!m || e.globalPosition <= m.position) return m;
  const changed = change(m, e);
  return changed ? { ...changed, position: e.globalPosition } : m;
}

function filed(e: Extract<MetricEvent, { type: 'TicketFiled' }>): TicketMetric {
  const d = e.data;
  return {
    id: d.ticketId,
    communityId: d.communityId,
    companyId: d.companyId,
    category: d.category,
    building: d.location?.building ?? '',
    title: d.title ?? '',
    status: 'open',
    filedAt: time(d.filedAt),
    acknowledgeBy: time(d.acknowledgeBy),
    resolveBy: time(d.resolveBy),
    ...NOT_WAITING,
    firstResponseAt: null,
    lastResolvedAt: null,
    closedAt: null,
    withdrawnAt: null,
    everResolved: false,
    everRejected: false,
    rating: null,
    followUpsReached: 0,
    followUpsWell: 0,
    position: e.globalPosition,
  };
}

const NOT_WAITING = { waitingOn: null, waitingSince: null, returnsTo: null } as const;

/** The domain's first-response rule (the earliest response time), kept as epoch milliseconds. */
function responded(m: TicketMetric, e: TicketEvent): TicketMetric {
  const first = firstResponseAfter(m.firstResponseAt === null ? null : new Date(m.firstResponseAt).toISOString(), e);
  return { ...m, firstResponseAt: first === null ? null : time(first) };
}

const followedUp = (m: TicketMetric, score: number | null): TicketMetric => ({
  ...m,
  followUpsReached: m.followUpsReached + 1,
  followUpsWell: m.followUpsWell + (score !== null && score >= 4 ? 1 : 0),
});

/** null: the event changes nothing, not even the stored position. */
function change(m: TicketMetric, e: Exclude<MetricEvent, { type: 'TicketFiled' }>): TicketMetric | null {
  switch (e.type) {
    case 'TicketAcknowledged':
      return { ...responded(m, e), status: m.status === 'open' ? 'acknowledged' : m.status };
    case 'TicketActionRecorded':
      // Work done while waiting leaves the wait as it is, and the ticket in progress once it ends.
      return m.status === 'waiting' ? { ...responded(m, e), returnsTo: 'in_progress' } : { ...responded(m, e), status: 'in_progress' };
    case 'TicketWaiting':
      return {
        ...m,
        status: 'waiting',
        waitingOn: e.data.on,
        waitingSince: time(e.data.waitingSince),
        returnsTo: m.status === 'in_progress' ? 'in_progress' : 'acknowledged',
      };
    case 'TicketResumed':
      return {
        ...m,
        status: m.returnsTo ?? m.status,
        ...NOT_WAITING,
        resolveBy: e.data.resolveBy === undefined ? m.resolveBy : time(e.data.resolveBy),
      };
    case 'TicketCommented':
      return responseAt(e) === null ? null : responded(m, e);
    case 'TicketResolved':
      return {
        ...responded(m, e),
        ...NOT_WAITING,
        status: 'resolved',
        lastResolvedAt: latest(m.lastResolvedAt, time(e.data.resolvedAt)),
        everResolved: true,
      };
    case 'TicketResolutionConfirmed':
      return { ...m, status: 'closed', closedAt: time(e.data.confirmedAt) };
    case 'TicketAutoClosed':
      return { ...m, status: 'closed', closedAt: time(e.data.closedAt) };
    case 'TicketResolutionRejected':
    case 'TicketReopened':
      return { ...m, status: 'in_progress', everRejected: true };
    case 'TicketClosedByFollowUp':
      return { ...m, status: 'closed', closedAt: time(e.data.closedAt) };
    case 'TicketFollowedUp':
      return e.data.reached ? followedUp(m, e.data.score) : null;
    case 'TicketRated':
      // Nobody rates themselves (SPEC §4.1): only the reporter, a resident, rates now, but tickets
      // filed before version 2 were rated by whoever filed them, staff and committee included.
      return ratedByResident(e.data.by) ? { ...m, rating: e.data.score } : null;
    case 'TicketWithdrawn':
      return { ...m, ...NOT_WAITING, status: 'withdrawn', withdrawnAt: time(e.data.withdrawnAt) };
    case 'TicketMerged':
      // Counted in `filed` and `merged` only from now on (SPEC §6): contribution.ts gates the rest.
      return { ...m, ...NOT_WAITING, status: 'merged' };
    case 'TicketAssigned':
    case 'TicketEscalated':
    case 'TicketSlaBreached':
    case 'TicketTransferred':
    case 'TicketSupported':
    case 'TicketVisibilityChanged':
    case 'TicketDuplicateMerged':
    case 'TicketSlaWarning':
      // NOT_MEASURED: the projection does not read them; named here so a new type must be placed.
      return null;
    default:
      return exhaustive(e, null);
  }
}
