import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import type { HandoverCommand } from './handover.commands';
import { handoverDecider } from './handover.decide';
import type { HandoverEvent, HandoverStep } from './handover.events';

const given = DeciderSpec.for(handoverDecider);
const NOW = '2026-08-01T09:00:00.000Z';
const COMPLETED_AT = '2026-09-01T09:00:00.000Z';
const day = (n: number) => new Date(Date.parse(COMPLETED_AT) + n * 86_400_000).toISOString();

const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const newStaff: Principal = { id: 's-new', roles: ['staff'], communities: [], companyId: 'haiyue' };
const official: Principal = { id: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] };
const otherOfficial: Principal = { id: 'sd-9', roles: ['subdistrict'], communities: ['xingang'] };

const by = (p: Principal) => ({ id: p.id, roles: p.roles });
const started: HandoverEvent = {
  type: 'HandoverStarted',
  data: { handoverId: 'qianpu-h1', communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '退出', startedAt: NOW, by: by(committee) },
};
const done = (s: HandoverStep, extra: object = {}): HandoverEvent => ({
  type: 'HandoverStepCompleted',
  data: { handoverId: 'qianpu-h1', step: s, note: '完成', completedAt: NOW, by: by(committee), ...extra },
});
const selected = done('selection', { incomingCompanyId: 'haiyue', method: 'owners_vote' });
const required = [
  selected,
  done('contract_signed'),
  done('archives'),
  done('facilities_inspection'),
  done('funds_settled'),
  done('keys_and_systems'),
];
const completed: HandoverEvent = {
  type: 'HandoverCompleted',
  data: {
    handoverId: 'qianpu-h1',
    communityId: 'qianpu',
    outgoingCompanyId: 'jiayuan',
    incomingCompanyId: 'haiyue',
    completedAt: COMPLETED_AT,
    by: by(committee),
  },
};

const complete = (actor: Principal, step: HandoverStep, now = NOW): HandoverCommand => ({
  type: 'CompleteHandoverStep',
  data: { step, note: '完成' },
  metadata: { actor, now },
});

describe('service continuity after completion', () => {
  const history = [started, ...required, completed];
  it('when the incoming company confirms it on day 29, it is accepted', () =>
    given(history)
      .when(complete(newStaff, 'service_continuity', day(29)))
      .thenMatches([{ type: 'HandoverStepCompleted', data: { step: 'service_continuity' } as never }]));
  it('when the committee confirms it on day 30 exactly, it is still accepted', () =>
    given(history)
      .when(complete(committee, 'service_continuity', day(30)))
      .thenMatches([{ type: 'HandoverStepCompleted' }]));
  it('when it comes on day 31, it is refused naming the window', () => {
    given(history)
      .when(complete(newStaff, 'service_continuity', day(31)))
      .thenThrows('SERVICE_CONTINUITY_WINDOW_CLOSED');
    expect(() =>
      handoverDecider.decide(complete(newStaff, 'service_continuity', day(31)), history.reduce(handoverDecider.evolve, { exists: false })),
    ).toThrow(/30 days after the handover's completion/);
  });
  it('when another step comes after completion, it is refused', () =>
    given(history)
      .when(complete(committee, 'exit_notice', day(1)))
      .thenThrows('HANDOVER_FINISHED'));
  it('when service_continuity was confirmed already, a second time is refused', () =>
    given([...history, done('service_continuity')])
      .when(complete(newStaff, 'service_continuity', day(2)))
      .thenThrows('STEP_ALREADY_COMPLETE'));
});

describe('the officials', () => {
  it('when a 社区 official of the community completes a step or raises a blocker, it is forbidden (not hidden)', () => {
    given([started]).when(complete(official, 'exit_notice')).thenThrows('OFFICIALS_READ_ONLY');
    given([started])
      .when({ type: 'RaiseHandoverBlocker', data: { text: 'x' }, metadata: { actor: official, now: NOW } })
      .thenThrows('OFFICIALS_READ_ONLY');
  });
  it('when an official of another community asks, the handover does not exist for them', () =>
    given([started]).when(complete(otherOfficial, 'exit_notice')).thenThrows('HANDOVER_NOT_FOUND'));
});
