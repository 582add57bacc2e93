import { DomainError } from '../shared/domain-error';
import { actorRef, type Principal } from '../shared/principal';
import type { CompleteHandoverStep, HandoverCommand, PlanHandoverStep, StartHandover } from './handover.commands';
import { REQUIRED_STEPS, type HandoverEvent } from './handover.events';
import {
  canSeeHandover,
  dueOf,
  mayCompleteStep,
  supervisesHandovers,
  mustBeOpenStep,
  mustBeStepOwnerCandidate,
  takesPart,
} from './handover.rules';
import { evolveHandover, initialHandover, type ActiveHandover, type Handover } from './handover.state';

/** Outside its readers a handover does not exist (404); its readers who do not run it are refused (403). */
function mustTakePart(state: Handover, actor: Principal): ActiveHandover {
  if (!state.exists || !canSeeHandover(actor, state)) throw new DomainError('HANDOVER_NOT_FOUND');
  if (!takesPart(actor, state)) throw new DomainError('OFFICIALS_READ_ONLY');
  return state;
}

function mustBeActive(h: ActiveHandover): void {
  if (h.status !== 'active') throw new DomainError('HANDOVER_FINISHED', h.status);
}

function mustManage(actor: Principal, h: ActiveHandover, what: string): void {
  if (!supervisesHandovers(actor, h.communityId)) throw new DomainError('SUPERVISORS_ONLY', what);
}

export function decideHandover(command: HandoverCommand, state: Handover): HandoverEvent[] {
  if (command.type === 'StartHandover') return start(command, state);
  const { actor, now } = command.metadata;
  const h = mustTakePart(state, actor);
  const base = { handoverId: h.id, by: actorRef(actor) };
  switch (command.type) {
    case 'PlanHandoverStep':
      return planStep(command, h);
    case 'CompleteHandoverStep':
      return completeStep(command, h);
    case 'RaiseHandoverBlocker':
      mustBeActive(h);
      return [{ type: 'HandoverBlockerRaised', data: { ...base, n: h.blockers + 1, text: command.data.text, raisedAt: now } }];
    case 'ResolveHandoverBlocker':
      mustManage(actor, h, 'resolve blockers');
      mustBeActive(h);
      if (!h.openBlockers.has(command.data.n)) throw new DomainError('BLOCKER_NOT_OPEN', command.data.n);
      return [{ type: 'HandoverBlockerResolved', data: { ...base, n: command.data.n, note: command.data.note, resolvedAt: now } }];
    case 'CompleteHandover': {
      mustManage(actor, h, 'complete the handover');
      mustBeActive(h);
      const missing = REQUIRED_STEPS.filter((s) => !h.done.has(s));
      if (missing.length) throw new DomainError('STEPS_MISSING', missing);
      if (h.openBlockers.size) throw new DomainError('BLOCKERS_OPEN', [...h.openBlockers]);
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
  if (!community.exists) throw new DomainError('COMMUNITY_NOT_FOUND', data.communityId);
  if (!supervisesHandovers(actor, data.communityId)) throw new DomainError('SUPERVISORS_ONLY', 'start a handover');
  if (state.exists || community.previousHandoverActive) throw new DomainError('HANDOVER_ALREADY_ACTIVE');
  if (community.propertyCompanyId !== data.outgoingCompanyId)
    throw new DomainError('NOT_THE_MANAGING_COMPANY', data.outgoingCompanyId, data.communityId);
  return [{ type: 'HandoverStarted', data: { ...data, startedAt: now, by: actorRef(actor) } }];
}

function planStep(command: PlanHandoverStep, h: ActiveHandover): HandoverEvent[] {
  const { actor, now } = command.metadata;
  const { step, ownerId, owner } = command.data;
  mustManage(actor, h, 'plan steps');
  mustBeOpenStep(h, step, now);
  const due = dueOf(command.data.due);
  mustBeStepOwnerCandidate(owner, h, step);
  return [{ type: 'HandoverStepPlanned', data: { handoverId: h.id, step, ownerId, due, plannedAt: now, by: actorRef(actor) } }];
}

function completeStep(command: CompleteHandoverStep, h: ActiveHandover): HandoverEvent[] {
  const { actor, now } = command.metadata;
  const { step, note, incomingCompanyId, method, defects, incomingCompanyExists } = command.data;
  if (!mayCompleteStep(actor, h, step)) throw new DomainError('STEP_NOT_YOURS', step);
  mustBeOpenStep(h, step, now);
  const extra: Partial<{ incomingCompanyId: string; method: typeof method; defects: string[] }> = {};
  if (step === 'selection') {
    if (!incomingCompanyId || !method) throw new DomainError('SELECTION_NEEDS_COMPANY');
    if (!incomingCompanyExists) throw new DomainError('COMPANY_NOT_FOUND', incomingCompanyId);
    if (incomingCompanyId === h.outgoingCompanyId) throw new DomainError('SAME_COMPANY');
    Object.assign(extra, { incomingCompanyId, method });
  } else if (incomingCompanyId || method) {
    throw new DomainError('ONLY_FOR_SELECTION');
  }
  if (step === 'service_continuity' && !h.incomingCompanyId) throw new DomainError('NO_INCOMING_COMPANY');
  if (defects?.length && step !== 'facilities_inspection') throw new DomainError('ONLY_FOR_INSPECTION');
  if (step === 'facilities_inspection') extra.defects = [...(defects ?? [])];
  return [{ type: 'HandoverStepCompleted', data: { handoverId: h.id, step, note, completedAt: now, by: actorRef(actor), ...extra } }];
}

export const handoverDecider = { decide: decideHandover, evolve: evolveHandover, initialState: initialHandover };
