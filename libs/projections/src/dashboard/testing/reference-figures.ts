import type { TicketEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';

/**
 * SPEC §6 computed the plain way, straight from the events: a separate reading of the definitions
 * that the projection's figures must equal.
 */
type Facts = {
  id: string;
  communityId: string;
  companyId: string;
  category: string;
  building: string;
  reporterId: string | null;
  filedAt: number;
  acknowledgeBy: number;
  /** As filed, then as each resume on the resident pushed it back (TicketResumed.resolveBy). */
  resolveBy: number;
  /** The wait in progress; `status` goes on saying where the work stands. */
  waiting: { on: string; since: number } | null;
  responses: number[];
  resolves: number[];
  status: string;
  resolvedOnce: boolean;
  rejectedOnce: boolean;
  rating: number | null;
  /** The scores of the follow-ups that reached the resident (null: reached, no score). */
  reachedFollowUps: (number | null)[];
};

const STATUS_AFTER: Partial<Record<TicketEvent['type'], (status: string) => string>> = {
  TicketAcknowledged: (s) => (s === 'open' ? 'acknowledged' : s),
  TicketActionRecorded: () => 'in_progress',
  TicketResolved: () => 'resolved',
  TicketResolutionConfirmed: () => 'closed',
  TicketAutoClosed: () => 'closed',
  TicketResolutionRejected: () => 'in_progress',
  TicketReopened: () => 'in_progress',
  TicketClosedByFollowUp: () => 'closed',
  TicketWithdrawn: () => 'withdrawn',
  TicketMerged: () => 'merged',
};

/**
 * §4.9: past its resolve deadline, unless the clock has stood still since before the deadline
 * passed, waiting on the resident (the deadline moves when the wait ends).
 */
const overdueAt = (t: Facts, now: number) => t.resolveBy < now && !(t.waiting?.on === 'resident' && t.waiting.since <= t.resolveBy);

const byCompany = (by: { roles: readonly string[] }) => by.roles.includes('staff') || by.roles.includes('manager');

function referenceTickets(log: readonly TicketEvent[]): Facts[] {
  const tickets = new Map<string, Facts>();
  for (const e of log) {
    if (e.type === 'TicketFiled') {
      const d = e.data;
      tickets.set(d.ticketId, {
        id: d.ticketId,
        communityId: d.communityId,
        companyId: d.companyId,
        category: d.category,
        building: d.location?.building ?? '',
        reporterId: d.reporterId,
        filedAt: Date.parse(d.filedAt),
        acknowledgeBy: Date.parse(d.acknowledgeBy),
        resolveBy: Date.parse(d.resolveBy),
        waiting: null,
        responses: [],
        resolves: [],
        status: 'open',
        resolvedOnce: false,
        rejectedOnce: false,
        rating: null,
        reachedFollowUps: [],
      });
      continue;
    }
    const t = tickets.get(e.data.ticketId)!;
    t.status = STATUS_AFTER[e.type]?.(t.status) ?? t.status;
    if (e.type === 'TicketAcknowledged') t.responses.push(Date.parse(e.data.acknowledgedAt));
    if (e.type === 'TicketActionRecorded') t.responses.push(Date.parse(e.data.recordedAt));
    if (e.type === 'TicketCommented' && !e.data.internal && byCompany(e.data.by)) t.responses.push(Date.parse(e.data.commentedAt));
    if (e.type === 'TicketResolved') {
      t.responses.push(Date.parse(e.data.resolvedAt));
      t.resolves.push(Date.parse(e.data.resolvedAt));
      t.resolvedOnce = true;
    }
    // A poor follow-up reopens as a reject does: both are reopens (§6 reopenRate).
    if (e.type === 'TicketResolutionRejected' || e.type === 'TicketReopened') t.rejectedOnce = true;
    if (e.type === 'TicketFollowedUp' && e.data.reached) t.reachedFollowUps.push(e.data.score);
    if (e.type === 'TicketWaiting') t.waiting = { on: e.data.on, since: Date.parse(e.data.waitingSince) };
    if (e.type === 'TicketResumed' && e.data.resolveBy !== undefined) t.resolveBy = Date.parse(e.data.resolveBy);
    // A wait ends with the resume, and with the resolve, withdrawal or merge that may end it (§4.2 rule 6).
    if (['TicketResumed', 'TicketResolved', 'TicketWithdrawn', 'TicketMerged'].includes(e.type)) t.waiting = null;
    // §6's ratings are the reporters': a company never rates its own work (§4.1).
    if (e.type === 'TicketRated' && t.reporterId !== null && e.data.by.id === t.reporterId) t.rating = e.data.score;
  }
  return [...tickets.values()];
}

function nearestRank(sortedSeconds: number[], percent: number): number | null {
  if (!sortedSeconds.length) return null;
  let k = 1;
  while (k * 100 < percent * sortedSeconds.length) k++;
  return sortedSeconds[k - 1];
}

const share = (part: Facts[], whole: Facts[]) => (whole.length ? part.length / whole.length : null);
const percentiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b).map((v) => v / 1000);
  return { p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
};

function referenceFigures(filed: Facts[], now: number) {
  // §6: a merged ticket counts in `filed` and `merged`, and in no other figure.
  const merged = filed.filter((t) => t.status === 'merged');
  const tickets = filed.filter((t) => t.status !== 'merged');
  const withdrawn = tickets.filter((t) => t.status === 'withdrawn');
  const kept = tickets.filter((t) => t.status !== 'withdrawn');
  const responded = tickets.filter((t) => t.responses.length);
  const resolvedNow = tickets.filter((t) => t.status === 'resolved' || t.status === 'closed');
  const rated = tickets.filter((t) => t.rating !== null);
  const resolvedOnce = tickets.filter((t) => t.resolvedOnce);
  const backlog = kept.filter((t) => t.status !== 'resolved' && t.status !== 'closed');
  const keptResolved = kept.filter((t) => t.status === 'resolved' || t.status === 'closed');
  const followUpScores = tickets.flatMap((t) => t.reachedFollowUps);
  const wellScored = followUpScores.filter((score) => score !== null && score >= 4).length;
  return {
    filed: filed.length,
    withdrawn: withdrawn.length,
    firstResponseSeconds: percentiles(responded.map((t) => Math.min(...t.responses) - t.filedAt)),
    resolutionSeconds: percentiles(resolvedNow.map((t) => Math.max(...t.resolves) - t.filedAt)),
    responseRate: share(
      kept.filter((t) => t.responses.length && Math.min(...t.responses) <= t.acknowledgeBy),
      kept,
    ),
    resolutionRate: share(
      kept.filter((t) => t.status === 'closed'),
      kept,
    ),
    satisfactionRate: share(
      rated.filter((t) => t.rating! >= 4),
      rated,
    ),
    reopenRate: share(
      resolvedOnce.filter((t) => t.rejectedOnce),
      resolvedOnce,
    ),
    backlog: backlog.length,
    overdue: backlog.filter((t) => overdueAt(t, now)).length,
    merged: merged.length,
    followUpRate: share(
      keptResolved.filter((t) => t.reachedFollowUps.length > 0),
      keptResolved,
    ),
    followUpSatisfactionRate: followUpScores.length ? wellScored / followUpScores.length : null,
  };
}

export type ReferenceQuery = Readonly<{
  from: number;
  to: number;
  now: number;
  groupBy?: 'community' | 'company' | 'category' | 'building' | 'day';
  communityId?: string;
  companyId?: string;
  category?: string;
  communities?: readonly string[];
}>;

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const KEY = {
  community: (t: Facts) => t.communityId,
  company: (t: Facts) => t.companyId,
  category: (t: Facts) => t.category,
  building: (t: Facts) => t.building,
  day: (t: Facts) => shanghaiDay(t.filedAt),
};

export function referenceSummary(log: readonly StoredEvent<TicketEvent>[], q: ReferenceQuery) {
  const tickets = referenceTickets(log).filter(
    (t) =>
      t.filedAt >= q.from &&
      t.filedAt < q.to &&
      (q.communityId === undefined || t.communityId === q.communityId) &&
      (q.companyId === undefined || t.companyId === q.companyId) &&
      (q.category === undefined || t.category === q.category) &&
      (q.communities === undefined || q.communities.includes(t.communityId)),
  );
  const summary: Record<string, unknown> = {
    asOfPosition: log.length ? log[log.length - 1].globalPosition : 0,
    from: new Date(q.from).toISOString(),
    to: new Date(q.to).toISOString(),
    total: referenceFigures(tickets, q.now),
  };
  if (q.groupBy) {
    const key = KEY[q.groupBy];
    const keys = [...new Set(tickets.map(key))].sort();
    summary.groups = keys.map((k) => ({
      key: k,
      ...referenceFigures(
        tickets.filter((t) => key(t) === k),
        q.now,
      ),
    }));
  }
  return summary;
}
