import { OVERSEER_ROLES } from '../person/person.access';
import type { Person } from '../person/person.types';
import { addMinutes } from '../shared/command';
import { DomainError } from '../shared/domain-error';
import { hasRole, type Principal } from '../shared/principal';
import { supervises } from '../ticket/ticket.access';
import { INCOMING_STEPS, OUTGOING_STEPS, SERVICE_CONTINUITY_WINDOW_DAYS, type HandoverStep } from './handover.events';
import type { ActiveHandover } from './handover.state';

/** Who and where: all that access to a handover depends on (a read-model row has them too). */
export type HandoverParties = Pick<ActiveHandover, 'communityId' | 'outgoingCompanyId' | 'incomingCompanyId'>;

const companyUserOf = (actor: Principal, companyId: string | null) =>
  hasRole(actor, 'staff', 'manager') && !!companyId && actor.companyId === companyId;

/** The committee, the secretary and admins start, plan, complete and cancel handovers. */
export const supervisesHandovers = (actor: Principal, communityId: string) => hasRole(actor, 'admin') || supervises(actor, communityId);

/** They and the two companies run the handover: steps, blockers. */
export const takesPart = (actor: Principal, h: HandoverParties): boolean =>
  supervisesHandovers(actor, h.communityId) || companyUserOf(actor, h.outgoingCompanyId) || companyUserOf(actor, h.incomingCompanyId);

/**
 * Those, and the 社区/街道 officials of the community, who read it (SPEC §2); nobody else learns
 * that it exists.
 */
export function canSeeHandover(actor: Principal, h: HandoverParties): boolean {
  return takesPart(actor, h) || (hasRole(actor, ...OVERSEER_ROLES) && actor.communities.includes(h.communityId));
}

/** The supervisors complete any step; each company the steps that are its own. */
export function mayCompleteStep(actor: Principal, h: HandoverParties, step: HandoverStep): boolean {
  return (
    supervisesHandovers(actor, h.communityId) ||
    (OUTGOING_STEPS.includes(step) && companyUserOf(actor, h.outgoingCompanyId)) ||
    (INCOMING_STEPS.includes(step) && companyUserOf(actor, h.incomingCompanyId))
  );
}

/** A step's owner is someone who may complete it, judged by their registered roles, not a token's. */
export function mustBeStepOwnerCandidate(owner: Person, h: HandoverParties, step: HandoverStep): void {
  const asActor = owner.exists && { ...owner, companyId: owner.companyId ?? undefined };
  if (asActor && !owner.erased && mayCompleteStep(asActor, h, step)) return;
  const company = OUTGOING_STEPS.includes(step) ? h.outgoingCompanyId : INCOMING_STEPS.includes(step) ? h.incomingCompanyId : null;
  const who = `the committee or the secretary of ${h.communityId}, an admin${company ? `, or staff or a manager of ${company}` : ''}`;
  throw new DomainError('NOT_A_CANDIDATE', 'ownerId', `must be a registered person who may complete ${step}: ${who}`);
}

/**
 * A step can be planned or completed while the handover is active; once it has completed, only
 * service_continuity, for the new company's first month.
 */
export function mustBeOpenStep(h: ActiveHandover, step: HandoverStep, now: string): void {
  const late = h.status === 'completed' && step === 'service_continuity';
  if (h.status !== 'active' && !late) throw new DomainError('HANDOVER_FINISHED', h.status);
  if (h.done.has(step)) throw new DomainError('STEP_ALREADY_COMPLETE', step);
  if (late && h.completedAt) {
    const closesAt = addMinutes(h.completedAt, SERVICE_CONTINUITY_WINDOW_DAYS * 24 * 60);
    if (Date.parse(now) > Date.parse(closesAt)) throw new DomainError('SERVICE_CONTINUITY_WINDOW_CLOSED', closesAt);
  }
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const isCalendarDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/**
 * A due date as it is kept: a date (YYYY-MM-DD) stays a date, a date-time with an offset becomes
 * UTC ISO 8601. Anything else, or a day that is not in the calendar (2027-02-30), is refused naming `due`.
 */
export function dueOf(due: string): string {
  if (DATE.test(due) && isCalendarDate(due)) return due;
  const m = DATE_TIME.exec(due);
  const t = m && isCalendarDate(m[1]) ? Date.parse(due) : NaN;
  if (Number.isNaN(t)) throw new DomainError('DUE_INVALID');
  return new Date(t).toISOString();
}

/** A date is due by the end of that day in Asia/Shanghai (UTC+8, no summer time); a date-time at that moment. */
export const dueDeadline = (due: string): number => (DATE.test(due) ? Date.parse(`${due}T00:00:00+08:00`) + DAY_MS : Date.parse(due));
