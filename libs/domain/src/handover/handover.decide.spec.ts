import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import type { HandoverCommand } from './handover.commands';
import { handoverDecider } from './handover.decide';
import type { HandoverEvent, HandoverStep } from './handover.events';

const given = DeciderSpec.for(handoverDecider);
const NOW = '2026-08-01T09:00:00.000Z';
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const secretary: Principal = { id: 'sec-1', roles: ['secretary'], communities: ['qianpu'] };
const outsider: Principal = { id: 'sec-9', roles: ['secretary'], communities: ['xingang'] };
const oldStaff: Principal = { id: 's-old', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const newStaff: Principal = { id: 's-new', roles: ['manager'], communities: [], companyId: 'haiyue' };
const resident: Principal = { id: 'r', roles: ['resident'], communities: ['qianpu'] };
const by = (p: Principal) => ({ id: p.id, roles: p.roles });

const community = { exists: true, propertyCompanyId: 'jiayuan', previousHandoverActive: false };
const start = (actor: Principal, overrides: Partial<typeof community> = {}, outgoingCompanyId = 'jiayuan'): HandoverCommand => ({
  type: 'StartHandover',
  data: {
    handoverId: 'qianpu-h1',
    communityId: 'qianpu',
    outgoingCompanyId,
    reason: '原物业突然宣布退出',
    community: { ...community, ...overrides },
  },
  metadata: { actor, now: NOW },
});
const cmd = (actor: Principal, type: HandoverCommand['type'], data: object = {}) =>
  ({ type, data, metadata: { actor, now: NOW } }) as HandoverCommand;
const step = (actor: Principal, s: HandoverStep, extra: object = {}) =>
  cmd(actor, 'CompleteHandoverStep', { step: s, note: '完成', ...extra });

const started: HandoverEvent = handoverDecider.decide(start(committee), handoverDecider.initialState())[0];
const done = (s: HandoverStep, extra: object = {}): HandoverEvent => ({
  type: 'HandoverStepCompleted',
  data: { handoverId: 'qianpu-h1', step: s, note: '完成', completedAt: NOW, by: by(committee), ...extra },
});
const selected = done('selection', { incomingCompanyId: 'haiyue', method: 'owners_vote' });
const allRequired = [
  selected,
  done('contract_signed'),
  done('archives'),
  done('facilities_inspection', { defects: [] }),
  done('funds_settled'),
  done('keys_and_systems'),
];
const blocker: HandoverEvent = {
  type: 'HandoverBlockerRaised',
  data: { handoverId: 'qianpu-h1', n: 1, text: '公共收益账户未移交', raisedAt: NOW, by: by(committee) },
};

describe('starting', () => {
  it('when the committee starts one for the managing company, it is started', () =>
    expect(started).toMatchObject({ type: 'HandoverStarted', data: { handoverId: 'qianpu-h1', outgoingCompanyId: 'jiayuan' } }));
  it('when another handover is active, starting is refused', () =>
    given([])
      .when(start(committee, { previousHandoverActive: true }))
      .thenThrows('HANDOVER_ALREADY_ACTIVE'));
  it('when the named company does not manage the community, starting is refused', () =>
    given([])
      .when(start(committee, {}, 'haiyue'))
      .thenThrows('NOT_THE_MANAGING_COMPANY'));
  it('when a resident or another community’s secretary starts one, it is forbidden', () => {
    given([]).when(start(resident)).thenThrows('SUPERVISORS_ONLY');
    given([]).when(start(outsider)).thenThrows('SUPERVISORS_ONLY');
  });
});

describe('steps', () => {
  it('when selection names the incoming company and method, it is recorded', () =>
    given([started])
      .when(step(secretary, 'selection', { incomingCompanyId: 'haiyue', method: 'owners_vote', incomingCompanyExists: true }))
      .then([
        {
          type: 'HandoverStepCompleted',
          data: {
            handoverId: 'qianpu-h1',
            step: 'selection',
            note: '完成',
            completedAt: NOW,
            by: by(secretary),
            incomingCompanyId: 'haiyue',
            method: 'owners_vote',
          },
        },
      ]));
  it('when selection lacks the company, it is invalid', () =>
    given([started]).when(step(committee, 'selection')).thenThrows('SELECTION_NEEDS_COMPANY'));
  it('when a step is completed twice, the second is refused', () =>
    given([started, done('exit_notice')])
      .when(step(committee, 'exit_notice'))
      .thenThrows('STEP_ALREADY_COMPLETE'));
  it('when the outgoing company completes its own steps, they are accepted; others are forbidden', () => {
    given([started, selected])
      .when(step(oldStaff, 'archives'))
      .thenMatches([{ type: 'HandoverStepCompleted' }]);
    given([started, selected]).when(step(oldStaff, 'contract_signed')).thenThrows('STEP_NOT_YOURS');
  });
  it('when the incoming company confirms service continuity, it is accepted', () =>
    given([started, selected])
      .when(step(newStaff, 'service_continuity'))
      .thenMatches([{ type: 'HandoverStepCompleted' }]));
  it('when the inspection lists defects, they are kept', () =>
    given([started])
      .when(step(committee, 'facilities_inspection', { defects: ['2号楼消防栓损坏'] }))
      .thenMatches([{ data: { defects: ['2号楼消防栓损坏'] } as never }]));
  it('when someone unrelated touches the handover, it does not exist for them', () =>
    given([started]).when(step(outsider, 'exit_notice')).thenThrows('HANDOVER_NOT_FOUND'));
});

describe('completion', () => {
  it('when required steps are missing, completion is refused and names them', () =>
    given([started, selected]).when(cmd(committee, 'CompleteHandover')).thenThrows('STEPS_MISSING'));
  it('when a blocker is open, completion is refused', () =>
    given([started, ...allRequired, blocker])
      .when(cmd(committee, 'CompleteHandover'))
      .thenThrows('BLOCKERS_OPEN'));
  it('when every required step is done and blockers are resolved, it completes naming both companies', () => {
    const resolved: HandoverEvent = {
      type: 'HandoverBlockerResolved',
      data: { handoverId: 'qianpu-h1', n: 1, note: null, resolvedAt: NOW, by: by(committee) },
    };
    given([started, ...allRequired, blocker, resolved])
      .when(cmd(secretary, 'CompleteHandover'))
      .thenMatches([
        { type: 'HandoverCompleted', data: { outgoingCompanyId: 'jiayuan', incomingCompanyId: 'haiyue', communityId: 'qianpu' } as never },
      ]);
  });
  it('when a company tries to complete the handover, it is forbidden', () =>
    given([started, ...allRequired])
      .when(cmd(oldStaff, 'CompleteHandover'))
      .thenThrows('SUPERVISORS_ONLY'));
  it('when completed, nothing more is accepted', () => {
    const completed: HandoverEvent = handoverDecider.decide(
      cmd(committee, 'CompleteHandover'),
      [started, ...allRequired].reduce(handoverDecider.evolve, handoverDecider.initialState()),
    )[0];
    given([started, ...allRequired, completed])
      .when(cmd(committee, 'RaiseHandoverBlocker', { text: 'x' }))
      .thenThrows('HANDOVER_FINISHED');
  });
  it('when blockers are raised, they are numbered from 1', () =>
    given([started, blocker])
      .when(cmd(oldStaff, 'RaiseHandoverBlocker', { text: '钥匙未交' }))
      .thenMatches([{ data: { n: 2 } as never }]));
});
