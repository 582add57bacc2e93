import { OVERSEER_ROLES } from '../person/person.access';
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

/**
 * A step can be completed while the handover is active; once it has completed, only
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
