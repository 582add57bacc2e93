import { DeciderSpec } from '@jinlin/testing';
import type { Person } from '../person/person.types';
import type { Principal, Role } from '../shared/principal';
import type { HandoverCommand } from './handover.commands';
import { handoverDecider } from './handover.decide';
import { defectReports } from './handover.defects';
import type { HandoverEvent, HandoverStep } from './handover.events';
import { dueDeadline } from './handover.rules';
import type { ActiveHandover } from './handover.state';

const given = DeciderSpec.for(handoverDecider);
const NOW = '2026-08-01T09:00:00.000Z';
const COMPLETED_AT = '2026-09-01T09:00:00.000Z';
const day = (n: number) => new Date(Date.parse(COMPLETED_AT) + n * 86_400_000).toISOString();

const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const newStaff: Principal = { id: 's-new', roles: ['staff'], communities: [], companyId: 'haiyue' };
const oldManager: Principal = { id: 'm-old', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const official: Principal = { id: 'nb-1', roles: ['neighbourhood'], communities: ['qianpu'] };
const otherOfficial: Principal = { id: 'sd-9', roles: ['subdistrict'], communities: ['xingang'] };

const by = (p: Principal) => ({ id: p.id, roles: p.roles });
const person = (id: string, roles: Role[], more: Partial<{ communities: string[]; companyId: string; erased: boolean }> = {}): Person => ({
  exists: true,
  id,
  roles,
  communities: more.communities ?? [],
  companyId: more.companyId ?? null,
  erased: more.erased ?? false,
});

const started: HandoverEvent = {
  type: 'HandoverStarted',
  data: { handoverId: 'qianpu-h1', communityId: 'qianpu', outgoingCompanyId: 'jiayuan', reason: '退出', startedAt: NOW, by: by(committee) },
};
const done = (s: HandoverStep, extra: object = {}): HandoverEvent => ({
  type: 'HandoverStepCompleted',
  data: { handoverId: 'qianpu-h1', step: s, note: '完成', completedAt: NOW, by: by(committee), ...extra },
});
const selected = done('selection', { incomingCompanyId: 'haiyue', method: 'owners_vote' });
const inspected = done('facilities_inspection', { defects: ['2号楼消防栓损坏', '  ', `地下车库${'灯'.repeat(200)}`] });
const required = [selected, done('contract_signed'), done('archives'), inspected, done('funds_settled'), done('keys_and_systems')];
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

const plan = (actor: Principal, step: HandoverStep, owner: Person, due = '2026-08-15', now = NOW): HandoverCommand => ({
  type: 'PlanHandoverStep',
  data: { step, ownerId: owner.exists ? owner.id : 'nobody', due, owner },
  metadata: { actor, now },
});
const complete = (actor: Principal, step: HandoverStep, now = NOW): HandoverCommand => ({
  type: 'CompleteHandoverStep',
  data: { step, note: '完成' },
  metadata: { actor, now },
});

const secretaryOwner = person('sec-1', ['secretary'], { communities: ['qianpu'] });
const oldStaffOwner = person('s-old', ['staff'], { companyId: 'jiayuan' });
const newStaffOwner = person('s-new', ['staff'], { companyId: 'haiyue' });

describe('planning a step', () => {
  it('when the committee names a registered secretary of the community, the plan is recorded with ids and dates only', () =>
    given([started])
      .when(plan(committee, 'exit_notice', secretaryOwner))
      .then([
        {
          type: 'HandoverStepPlanned',
          data: { handoverId: 'qianpu-h1', step: 'exit_notice', ownerId: 'sec-1', due: '2026-08-15', plannedAt: NOW, by: by(committee) },
        },
      ]));
  it('when the owner is staff of the outgoing company and the step is theirs, it is accepted', () =>
    given([started, selected])
      .when(plan(committee, 'archives', oldStaffOwner))
      .thenMatches([{ type: 'HandoverStepPlanned' }]));
  it('when the owner is staff of the incoming company and the step is service_continuity, it is accepted', () =>
    given([started, selected])
      .when(plan(committee, 'service_continuity', newStaffOwner))
      .thenMatches([{ type: 'HandoverStepPlanned' }]));
  it('when the owner is company staff and the step is not their company’s, it is refused naming ownerId', () => {
    given([started, selected])
      .when(plan(committee, 'contract_signed', oldStaffOwner))
      .thenThrows('NOT_A_CANDIDATE');
    given([started, selected])
      .when(plan(committee, 'archives', newStaffOwner))
      .thenThrows('NOT_A_CANDIDATE');
  });
  it('when the owner is not registered, erased, a resident, or a secretary elsewhere, it is refused', () => {
    for (const owner of [
      { exists: false } as const,
      person('sec-1', ['secretary'], { communities: ['qianpu'], erased: true }),
      person('res-a', ['resident'], { communities: ['qianpu'] }),
      person('sec-9', ['secretary'], { communities: ['xingang'] }),
    ])
      given([started])
        .when(plan(committee, 'exit_notice', owner))
        .thenThrows('NOT_A_CANDIDATE');
  });
  it('when an admin is named, any step may be theirs', () =>
    given([started])
      .when(plan(committee, 'funds_settled', person('admin-1', ['admin'])))
      .thenMatches([{ type: 'HandoverStepPlanned' }]));
  it('when the refusal names the owner, its message starts with ownerId', () => {
    expect(() =>
      handoverDecider.decide(plan(committee, 'exit_notice', { exists: false }), handoverDecider.evolve({ exists: false }, started)),
    ).toThrow(/^ownerId: /);
  });
  it('when a step is planned again, the new owner and due date are recorded (they replace the old ones)', () =>
    given([
      started,
      ...handoverDecider.decide(plan(committee, 'exit_notice', secretaryOwner), handoverDecider.evolve({ exists: false }, started)),
    ])
      .when(plan(committee, 'exit_notice', person('com-1', ['committee'], { communities: ['qianpu'] }), '2026-09-01T18:00:00+08:00'))
      .thenMatches([{ data: { ownerId: 'com-1', due: '2026-09-01T10:00:00.000Z' } as never }]));
  it('when the step is already complete, planning is refused', () =>
    given([started, done('exit_notice')])
      .when(plan(committee, 'exit_notice', secretaryOwner))
      .thenThrows('STEP_ALREADY_COMPLETE'));
  it('when the handover is over, only service_continuity can be planned', () => {
    given([started, ...required, completed])
      .when(plan(committee, 'exit_notice', secretaryOwner, '2026-09-10', day(1)))
      .thenThrows('HANDOVER_FINISHED');
    given([started, ...required, completed])
      .when(plan(committee, 'service_continuity', newStaffOwner, '2026-09-10', day(1)))
      .thenMatches([{ type: 'HandoverStepPlanned' }]);
  });
  it('when a company plans, it is forbidden: planning is the supervisors’', () =>
    given([started, selected])
      .when(plan(oldManager, 'archives', oldStaffOwner))
      .thenThrows('SUPERVISORS_ONLY'));
  it('when due is not a date or a date-time with an offset, it is refused', () => {
    for (const due of ['2026-02-30', '15/08/2026', '2026-08-15T10:00', 'tomorrow', ''])
      given([started])
        .when(plan(committee, 'exit_notice', secretaryOwner, due))
        .thenThrows('DUE_INVALID');
  });
});

describe('due dates', () => {
  it('when due is a date, it is due by the end of that day in Shanghai', () =>
    expect(new Date(dueDeadline('2026-08-15')).toISOString()).toBe('2026-08-15T16:00:00.000Z'));
  it('when due is a date-time, it is due at that moment', () =>
    expect(dueDeadline('2026-08-15T02:00:00.000Z')).toBe(Date.parse('2026-08-15T02:00:00.000Z')));
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
  it('when a 社区 official of the community plans, completes or raises a blocker, it is forbidden (not hidden)', () => {
    given([started])
      .when(plan(official, 'exit_notice', secretaryOwner))
      .thenThrows('OFFICIALS_READ_ONLY');
    given([started]).when(complete(official, 'exit_notice')).thenThrows('OFFICIALS_READ_ONLY');
    given([started])
      .when({ type: 'RaiseHandoverBlocker', data: { text: 'x' }, metadata: { actor: official, now: NOW } })
      .thenThrows('OFFICIALS_READ_ONLY');
  });
  it('when an official of another community asks, the handover does not exist for them', () =>
    given([started]).when(complete(otherOfficial, 'exit_notice')).thenThrows('HANDOVER_NOT_FOUND'));
});

describe('defects', () => {
  const h = [started, ...required, completed].reduce(handoverDecider.evolve, { exists: false }) as ActiveHandover;
  it('when the inspection recorded defects, each non-blank one becomes a report numbered by its place in the list', () =>
    expect(defectReports(h).map((r) => r.n)).toEqual([1, 3]));
  it('when a defect is long, the title is cut to 120 characters and the description keeps it whole and names the handover', () => {
    const [, long] = defectReports(h);
    expect([...long.title]).toHaveLength(120);
    expect(long.description).toContain('灯'.repeat(200));
    expect(long.description).toContain('qianpu-h1');
    expect(long.description).toContain('facilities_inspection');
  });
});
