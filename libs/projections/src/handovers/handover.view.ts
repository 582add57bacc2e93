import { dueDeadline, HANDOVER_STEPS, type HandoverStep } from '@jinlin/domain';
import type { HandoverRow } from './handover.entity';

const DAY_MS = 86_400_000;

/** The people a view names, whose display names the caller looks up (names live outside the read model). */
export const ownerIds = (rows: readonly HandoverRow[]): string[] => rows.flatMap((r) => Object.values(r.plans).map((p) => p.ownerId));

/** A step can still be done while the handover is active; once it is completed, only service_continuity. */
const stillOpen = (row: HandoverRow, step: HandoverStep) =>
  row.status === 'active' || (row.status === 'completed' && step === 'service_continuity');

/**
 * What GET /handovers/:id shows: progress, who did each step and when, each step's owner (named as
 * `names` says now, null when unknown) and due date, which are overdue, days elapsed, open blockers.
 */
export function handoverView(row: HandoverRow, now: Date, names: ReadonlyMap<string, string>) {
  const steps = HANDOVER_STEPS.map((step) => {
    const done = row.steps[step];
    const plan = row.plans[step];
    const owner = plan ? { id: plan.ownerId, name: names.get(plan.ownerId) ?? null } : null;
    const overdue = !!plan && !done && stillOpen(row, step) && now.getTime() > dueDeadline(plan.due);
    const planned = { owner, due: plan?.due ?? null, overdue };
    return done ? { step, done: true, ...done, ...planned } : { step, done: false, ...planned };
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
    overdueSteps: steps.filter((s) => s.overdue).length,
    steps,
    openBlockers: row.blockers.filter((b) => !b.resolvedAt),
    blockers: row.blockers,
    version: row.version,
  };
}
