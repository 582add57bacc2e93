import type { TicketRow } from './ticket.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The ticket as clients see it (SPEC §4 "current state"). */
export function ticketView(r: TicketRow) {
  return {
    id: r.id,
    communityId: r.communityId,
    companyId: r.companyId,
    filedCompanyId: r.filedCompanyId,
    category: r.category,
    title: r.title,
    description: r.description,
    location: r.location,
    channel: r.channel,
    reporterId: r.reporterId,
    status: r.status,
    assigneeId: r.assigneeId,
    filedAt: iso(r.filedAt),
    firstResponseAt: iso(r.firstResponseAt),
    firstActionAt: iso(r.firstActionAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    withdrawnAt: iso(r.withdrawnAt),
    // The resolve deadline as the waits on the resident have pushed it back (SPEC §4.9).
    deadlines: { acknowledgeBy: iso(r.acknowledgeBy), resolveBy: iso(r.resolveBy) },
    slaBreached: { acknowledge: r.acknowledgeBreached, resolve: r.resolveBreached },
    slaWarned: { acknowledge: r.acknowledgeWarned, resolve: r.resolveWarned },
    waitingOn: r.waitingOn,
    waitingSince: iso(r.waitingSince),
    /** The waits on the resident that are over; the one in progress counts from waitingSince. */
    pausedSeconds: r.pausedSeconds,
    rating: r.rating === null ? null : { score: r.rating, comment: r.ratingComment },
    escalationLevel: r.escalationLevel,
    anonymous: r.anonymous,
    visibility: r.visibility,
    supportCount: r.supportCount,
    mergedIntoTicketId: r.mergedInto,
    mergedAt: iso(r.mergedAt),
    followUps: { count: r.followUpCount ?? 0, last: r.lastFollowUp ?? null },
    version: r.version,
  };
}

export type TicketView = ReturnType<typeof ticketView>;
