import { randomUUID } from 'node:crypto';
import {
  addMinutes,
  AUTO_CLOSE_AFTER_MINUTES,
  DomainError,
  ticketDecider,
  type Community,
  type Principal,
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
  'withdraw',
  'breachAcknowledge',
  'breachResolve',
  'autoClose',
  'wait1h',
  'wait1d',
  'wait7d',
] as const;
export type Step = (typeof STEPS)[number];

/** How often each step comes up in generated histories: the ones that end a ticket, rarely. */
export const STEP_WEIGHTS: Readonly<Record<Step, number>> = {
  acknowledge: 2,
  act: 4,
  commentPublic: 1,
  commentInternal: 1,
  commentByResident: 1,
  resolve: 4,
  confirm: 1,
  reject: 4,
  withdraw: 1,
  breachAcknowledge: 2,
  breachResolve: 4,
  autoClose: 2,
  wait1h: 2,
  wait1d: 4,
  wait7d: 2,
};

const T0 = '2026-11-02T08:00:00.000Z';
export const FAR_FUTURE = '2100-01-01T00:00:00.000Z';

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const system: Principal = { id: 'system', roles: ['admin'], communities: [] };
const community: Community = { exists: true, id: 'qianpu', name: '前埔', propertyCompanyId: 'jiayuan', slaPolicies: {} };
const WAIT: Partial<Record<Step, number>> = { wait1h: 60, wait1d: 24 * 60, wait7d: 7 * 24 * 60 };

function commandFor(step: Step): { actor: Principal; type: string; data: object } | null {
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
      return { actor: resident, type: 'CommentOnTicket', data: { text: '快点', internal: false } };
    case 'resolve':
      return { actor: staff, type: 'ResolveTicket', data: { resolution: '修好了' } };
    case 'confirm':
      return { actor: resident, type: 'ConfirmResolution', data: {} };
    case 'reject':
      return { actor: resident, type: 'RejectResolution', data: { reason: '没修好' } };
    case 'withdraw':
      return { actor: resident, type: 'WithdrawTicket', data: { reason: null } };
    case 'breachAcknowledge':
      return { actor: system, type: 'BreachSla', data: { kind: 'acknowledge' } };
    case 'breachResolve':
      return { actor: system, type: 'BreachSla', data: { kind: 'resolve' } };
    case 'autoClose':
      return { actor: system, type: 'AutoCloseTicket', data: {} };
    default:
      return null;
  }
}

const decide = (state: ReturnType<typeof ticketDecider.initialState>, c: { actor: Principal; type: string; data: object }, now: string) =>
  ticketDecider.decide(
    { type: c.type, data: c.data, metadata: { actor: c.actor, now, managingCompanyId: 'jiayuan' } } as TicketCommand,
    state,
  );

/** An elevator ticket filed at T0, then each step a minute apart (waits wait longer); refusals are skipped. */
export function historyOf(steps: readonly Step[]): { ticketId: string; events: TicketEvent[] } {
  const ticketId = randomUUID();
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
  const events = decide(ticketDecider.initialState(), { actor: resident, type: 'FileTicket', data: filing }, T0);
  let now = T0;
  for (const step of steps) {
    now = addMinutes(now, WAIT[step] ?? 1);
    const command = commandFor(step);
    if (!command) continue;
    try {
      events.push(...decide(events.reduce(ticketDecider.evolve, ticketDecider.initialState()), command, now));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { ticketId, events };
}

/** What the ticket would still record at `now`, per deadline, and when that deadline fell due. */
export function owedByDecider(
  events: readonly TicketEvent[],
  now: string,
): Record<'acknowledge' | 'resolve' | 'auto_close', string | null> {
  const state = events.reduce(ticketDecider.evolve, ticketDecider.initialState());
  const ask = (type: string, data: object) => decide(state, { actor: system, type, data }, now)[0];
  const breach = (kind: 'acknowledge' | 'resolve') => {
    const e = ask('BreachSla', { kind });
    return e?.type === 'TicketSlaBreached' ? e.data.deadline : null;
  };
  const closed = ask('AutoCloseTicket', {});
  return {
    acknowledge: breach('acknowledge'),
    resolve: breach('resolve'),
    auto_close: closed?.type === 'TicketAutoClosed' ? addMinutes(closed.data.resolvedAt, AUTO_CLOSE_AFTER_MINUTES) : null,
  };
}
