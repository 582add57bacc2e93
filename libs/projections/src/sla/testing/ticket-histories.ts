import { randomUUID } from 'node:crypto';
import {
  addMinutes,
  AUTO_CLOSE_AFTER_MINUTES,
  DomainError,
  nextEscalationAt,
  SYSTEM_PRINCIPAL,
  ticketDecider,
  type Community,
  type Principal,
  type SlaPolicy,
  type Ticket,
  type TicketCommand,
  type TicketEvent,
} from '@jinlin/domain';

/** Ticket histories made by the real decider, so they only contain what the rules allow. */
export const STEPS = [
  'acknowledge',
  'act',
  'commentPublic',
  'commentInternal',
  'commentByResident',
  'resolve',
  'confirm',
  'reject',
  'reopen',
  'withdraw',
  'merge',
  'breachAcknowledge',
  'breachResolve',
  'warnAcknowledge',
  'warnResolve',
  'escalateOverdue',
  'escalatePartyBranch',
  'escalateNeighbourhood',
  'waitOnResident',
  'waitOnParts',
  'resume',
  'autoClose',
  'wait10m',
  'wait1h',
  'wait1d',
  'wait7d',
] as const;
export type Step = (typeof STEPS)[number];

/** How often each step comes up in generated histories: the ones that end a ticket, rarely. */
export const STEP_WEIGHTS: Readonly<Record<Step, number>> = {
  acknowledge: 8,
  act: 12,
  commentPublic: 2,
  commentInternal: 2,
  commentByResident: 6,
  resolve: 10,
  confirm: 2,
  reject: 10,
  reopen: 4,
  withdraw: 1,
  merge: 1,
  breachAcknowledge: 6,
  breachResolve: 12,
  warnAcknowledge: 6,
  warnResolve: 8,
  escalateOverdue: 16,
  escalatePartyBranch: 2,
  escalateNeighbourhood: 2,
  waitOnResident: 12,
  waitOnParts: 4,
  resume: 8,
  autoClose: 4,
  wait10m: 8,
  wait1h: 8,
  wait1d: 12,
  wait7d: 4,
};

const T0 = '2026-11-02T08:00:00.000Z';
export const FAR_FUTURE = '2100-01-01T00:00:00.000Z';

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const system: Principal = SYSTEM_PRINCIPAL;
const WAIT: Partial<Record<Step, number>> = { wait10m: 10, wait1h: 60, wait1d: 24 * 60, wait7d: 7 * 24 * 60 };

type Ask = { actor: Principal; type: string; data: object };

function commandFor(step: Step, primary: Ticket): Ask | null {
  switch (step) {
    case 'acknowledge':
      return { actor: staff, type: 'AcknowledgeTicket', data: { message: '收到' } };
    case 'act':
      return { actor: staff, type: 'RecordAction', data: { description: '已派人' } };
    case 'commentPublic':
      return { actor: staff, type: 'CommentOnTicket', data: { text: '在看', internal: false } };
    case 'commentInternal':
      return { actor: staff, type: 'CommentOnTicket', data: { text: '内部', internal: true } };
    case 'commentByResident':
      // The reporter: when the company waits on them, this answer ends the wait.
      return { actor: resident, type: 'CommentOnTicket', data: { text: '快点', internal: false } };
    case 'resolve':
      return { actor: staff, type: 'ResolveTicket', data: { resolution: '修好了' } };
    case 'confirm':
      return { actor: resident, type: 'ConfirmResolution', data: {} };
    case 'reject':
      return { actor: resident, type: 'RejectResolution', data: { reason: '没修好' } };
    case 'reopen':
      return { actor: manager, type: 'FollowUpTicket', data: { method: 'phone', reached: true, score: 1, note: null } };
    case 'withdraw':
      return { actor: resident, type: 'WithdrawTicket', data: { reason: null } };
    case 'merge':
      return {
        actor: staff,
        type: 'MergeTicket',
        data: { intoTicketId: primary.exists && primary.id, into: primary, intoManagingCompanyId: 'jiayuan' },
      };
    case 'breachAcknowledge':
      return { actor: system, type: 'BreachSla', data: { kind: 'acknowledge' } };
    case 'breachResolve':
      return { actor: system, type: 'BreachSla', data: { kind: 'resolve' } };
    case 'warnAcknowledge':
      return { actor: system, type: 'WarnSla', data: { kind: 'acknowledge' } };
    case 'warnResolve':
      return { actor: system, type: 'WarnSla', data: { kind: 'resolve' } };
    case 'escalateOverdue':
      return { actor: system, type: 'EscalateOverdue', data: {} };
    case 'escalatePartyBranch':
      return { actor: committee, type: 'EscalateTicket', data: { level: 'party_branch', reason: '拖太久' } };
    case 'escalateNeighbourhood':
      return { actor: committee, type: 'EscalateTicket', data: { level: 'neighbourhood', reason: '还没修' } };
    case 'waitOnResident':
      return { actor: staff, type: 'WaitTicket', data: { on: 'resident', reason: '等业主开门' } };
    case 'waitOnParts':
      return { actor: staff, type: 'WaitTicket', data: { on: 'parts', reason: '等配件' } };
    case 'resume':
      return { actor: staff, type: 'ResumeTicket', data: {} };
    case 'autoClose':
      return { actor: system, type: 'AutoCloseTicket', data: {} };
    default:
      return null;
  }
}

const decide = (state: Ticket, c: Ask, now: string) =>
  ticketDecider.decide(
    { type: c.type, data: c.data, metadata: { actor: c.actor, now, managingCompanyId: 'jiayuan' } } as TicketCommand,
    state,
  );

const communityWith = (policy?: SlaPolicy): Community => ({
  exists: true,
  id: 'qianpu',
  name: '前埔',
  propertyCompanyId: 'jiayuan',
  slaPolicies: policy ? { elevator: policy } : {},
});

function file(ticketId: string, community: Community): TicketEvent[] {
  const filing = {
    ticketId,
    communityId: 'qianpu',
    category: 'elevator',
    title: 't',
    description: 'd',
    location: null,
    channel: 'app',
    community,
  };
  return decide(ticketDecider.initialState(), { actor: resident, type: 'FileTicket', data: filing }, T0);
}

/**
 * An elevator ticket filed at T0 under `policy` (the category's default when none: 120 and 1440
 * minutes around the clock, warnings at 80 %, the ladder at 0, 1 and 3 days), then each step a
 * minute apart (waits wait longer); refusals are skipped. A business clock runs 08:30–17:30,
 * Monday to Friday, as the decider assumes without a calendar.
 */
export function historyOf(steps: readonly Step[], policy?: SlaPolicy): { ticketId: string; events: TicketEvent[] } {
  const ticketId = randomUUID();
  const community = communityWith(policy);
  const primary = file(randomUUID(), community).reduce(ticketDecider.evolve, ticketDecider.initialState());
  const events = file(ticketId, community);
  let now = T0;
  for (const step of steps) {
    now = addMinutes(now, WAIT[step] ?? 1);
    const command = commandFor(step, primary);
    if (!command) continue;
    try {
      events.push(...decide(stateOf(events), command, now));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { ticketId, events };
}

export const stateOf = (events: readonly TicketEvent[]): Ticket => events.reduce(ticketDecider.evolve, ticketDecider.initialState());

export type OwedKind = 'acknowledge' | 'resolve' | 'auto_close' | 'acknowledge_warning' | 'resolve_warning' | 'escalation';

/**
 * What the ticket would still record at `now`, per row of the timer's work list, and when it fell
 * due: a breach at its deadline, a warning at its instant, the auto-close 7 days after the
 * resolve, the ladder's next step by the domain's nextEscalationAt (null: nothing to record).
 */
export function owedByDecider(events: readonly TicketEvent[], now: string): Record<OwedKind, string | null> {
  const state = stateOf(events);
  const ask = (type: string, data: object) => decide(state, { actor: system, type, data }, now)[0];
  const breach = (kind: 'acknowledge' | 'resolve') => {
    const e = ask('BreachSla', { kind });
    return e?.type === 'TicketSlaBreached' ? e.data.deadline : null;
  };
  const warning = (kind: 'acknowledge' | 'resolve') => {
    const e = ask('WarnSla', { kind });
    return e?.type === 'TicketSlaWarning' ? e.data.warnAt : null;
  };
  const closed = ask('AutoCloseTicket', {});
  return {
    acknowledge: breach('acknowledge'),
    resolve: breach('resolve'),
    auto_close: closed?.type === 'TicketAutoClosed' ? addMinutes(closed.data.resolvedAt, AUTO_CLOSE_AFTER_MINUTES) : null,
    acknowledge_warning: warning('acknowledge'),
    resolve_warning: warning('resolve'),
    escalation: nextEscalationAt(state),
  };
}
