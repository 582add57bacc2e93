import { Forbidden, Invalid, NotFound, RuleBroken } from '../shared/domain-error';
import { actorRef, hasRole, type Principal } from '../shared/principal';
import { supervises } from '../ticket/ticket.access';
import type { CompleteHandoverStep, HandoverCommand, StartHandover } from './handover.commands';
import { INCOMING_STEPS, OUTGOING_STEPS, REQUIRED_STEPS, type HandoverEvent } from './handover.events';
import { evolveHandover, initialHandover, type ActiveHandover, type Handover } from './handover.state';

const companyUserOf = (actor: Principal, companyId: string | null) =>
  hasRole(actor, 'staff', 'manager') && !!companyId && actor.companyId === companyId;

const mayManage = (actor: Principal, communityId: string) => hasRole(actor, 'admin') || supervises(actor, communityId);

/** The two companies, the community's supervisors and admins see a handover; nobody else learns it exists. */
export function canSeeHandover(actor: Principal, h: ActiveHandover): boolean {
  return mayManage(actor, h.communityId) || companyUserOf(actor, h.outgoingCompanyId) || companyUserOf(actor, h.incomingCompanyId);
}

function mustSee(state: Handover, actor: Principal): ActiveHandover {
  if (!state.exists || !canSeeHandover(actor, state)) throw new NotFound('HANDOVER_NOT_FOUND', 'no such handover');
  return state;
}

function mustBeActive(h: ActiveHandover): void {
  if (h.status !== 'active') throw new RuleBroken('HANDOVER_FINISHED', `the handover is ${h.status}`);
}

function mustManage(actor: Principal, h: ActiveHandover, what: string): void {
  if (!mayManage(actor, h.communityId))
    throw new Forbidden('SUPERVISORS_ONLY', `only the committee, the secretary or an admin may ${what}`);
}

export function decideHandover(command: HandoverCommand, state: Handover): HandoverEvent[] {
  if (command.type === 'StartHandover') return start(command, state);
  const { actor, now } = command.metadata;
  const h = mustSee(state, actor);
  const base = { handoverId: h.id, by: actorRef(actor) };
  switch (command.type) {
    case 'CompleteHandoverStep':
      return completeStep(command, h);
    case 'RaiseHandoverBlocker':
      mustBeActive(h);
      return [{ type: 'HandoverBlockerRaised', data: { ...base, n: h.blockers + 1, text: command.data.text, raisedAt: now } }];
    case 'ResolveHandoverBlocker':
      mustManage(actor, h, 'resolve blockers');
      mustBeActive(h);
      if (!h.openBlockers.has(command.data.n)) throw new RuleBroken('BLOCKER_NOT_OPEN', `blocker ${command.data.n} is not open`);
      return [{ type: 'HandoverBlockerResolved', data: { ...base, n: command.data.n, note: command.data.note, resolvedAt: now } }];
    case 'CompleteHandover': {
      mustManage(actor, h, 'complete the handover');
      mustBeActive(h);
      const missing = REQUIRED_STEPS.filter((s) => !h.done.has(s));
      if (missing.length) throw new RuleBroken('STEPS_MISSING', `steps not yet complete: ${missing.join(', ')}`);
      if (h.openBlockers.size) throw new RuleBroken('BLOCKERS_OPEN', `open blockers: ${[...h.openBlockers].join(', ')}`);
      const data = {
        ...base,
        communityId: h.communityId,
        outgoingCompanyId: h.outgoingCompanyId,
        incomingCompanyId: h.incomingCompanyId!,
        completedAt: now,
      };
      return [{ type: 'HandoverCompleted', data }];
    }
    case 'CancelHandover':
      mustManage(actor, h, 'cancel the handover');
      mustBeActive(h);
      return [{ type: 'HandoverCancelled', data: { ...base, reason: command.data.reason, cancelledAt: now } }];
  }
}

function start(command: StartHandover, state: Handover): HandoverEvent[] {
  const { actor, now } = command.metadata;
  const { community, ...data } = command.data;
  if (!community.exists) throw new NotFound('COMMUNITY_NOT_FOUND', `community ${data.communityId} is not registered`);
  if (!mayManage(actor, data.communityId))
    throw new Forbidden('SUPERVISORS_ONLY', 'only the committee, the secretary or an admin may start a handover');
  if (state.exists || community.previousHandoverActive)
    throw new RuleBroken('HANDOVER_ALREADY_ACTIVE', 'this community already has an active handover');
  if (community.propertyCompanyId !== data.outgoingCompanyId) {
    throw new RuleBroken('NOT_THE_MANAGING_COMPANY', `${data.outgoingCompanyId} does not manage ${data.communityId} now`);
  }
  return [{ type: 'HandoverStarted', data: { ...data, startedAt: now, by: actorRef(actor) } }];
}

function completeStep(command: CompleteHandoverStep, h: ActiveHandover): HandoverEvent[] {
  const { actor, now } = command.metadata;
  const { step, note, incomingCompanyId, method, defects, incomingCompanyExists } = command.data;
  const company =
    (OUTGOING_STEPS.includes(step) && companyUserOf(actor, h.outgoingCompanyId)) ||
    (INCOMING_STEPS.includes(step) && companyUserOf(actor, h.incomingCompanyId));
  if (!company && !mayManage(actor, h.communityId)) throw new Forbidden('STEP_NOT_YOURS', `you may not complete the step ${step}`);
  mustBeActive(h);
  if (h.done.has(step)) throw new RuleBroken('STEP_ALREADY_COMPLETE', `the step ${step} is already complete`);
  const extra: Partial<{ incomingCompanyId: string; method: typeof method; defects: string[] }> = {};
  if (step === 'selection') {
    if (!incomingCompanyId || !method) throw new Invalid('SELECTION_NEEDS_COMPANY', 'selection needs incomingCompanyId and method');
    if (!incomingCompanyExists) throw new NotFound('COMPANY_NOT_FOUND', `property company ${incomingCompanyId} is not registered`);
    if (incomingCompanyId === h.outgoingCompanyId)
      throw new RuleBroken('SAME_COMPANY', 'the incoming company must differ from the outgoing one');
    Object.assign(extra, { incomingCompanyId, method });
  } else if (incomingCompanyId || method) {
    throw new Invalid('ONLY_FOR_SELECTION', 'incomingCompanyId and method belong to the selection step');
  }
  if (step === 'service_continuity' && !h.incomingCompanyId) throw new RuleBroken('NO_INCOMING_COMPANY', 'complete selection first');
  if (defects?.length && step !== 'facilities_inspection')
    throw new Invalid('ONLY_FOR_INSPECTION', 'defects belong to facilities_inspection');
  if (step === 'facilities_inspection') extra.defects = defects ?? [];
  return [{ type: 'HandoverStepCompleted', data: { handoverId: h.id, step, note, completedAt: now, by: actorRef(actor), ...extra } }];
}

export const handoverDecider = { decide: decideHandover, evolve: evolveHandover, initialState: initialHandover };
