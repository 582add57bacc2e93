import { HANDOVER_STEPS } from '@jinlin/domain';
import type { HandoverRow } from './handover.entity';

const DAY_MS = 86_400_000;

/** What GET /handovers/:id shows: progress, who did each step and when, days elapsed, open blockers. */
export function handoverView(row: HandoverRow, now: Date) {
  const steps = HANDOVER_STEPS.map((step) => {
    const done = row.steps[step];
    return done ? { step, done: true, ...done } : { step, done: false };
  });
  const finished = row.finishedAt ? new Date(row.finishedAt) : now;
  return {
    id: row.id,
    communityId: row.communityId,
    outgoingCompanyId: row.outgoingCompanyId,
    incomingCompanyId: row.incomingCompanyId,
    reason: row.reason,
    status: row.status,
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    daysElapsed: Math.floor((finished.getTime() - new Date(row.startedAt).getTime()) / DAY_MS),
    percentDone: Math.round((steps.filter((s) => s.done).length / steps.length) * 100),
    steps,
    openBlockers: row.blockers.filter((b) => !b.resolvedAt),
    blockers: row.blockers,
    version: row.version,
  };
}
