import { HANDOVER_STEPS } from '@jinlin/domain';
import type { HandoverRow, PlanRecord, StepRecord } from './handover.entity';
import { handoverView, ownerIds } from './handover.view';

const NOW = new Date('2026-08-20T09:00:00.000Z');
const by = { id: 'com-1', roles: ['committee'] };
const doneStep: StepRecord = { note: '完成', completedAt: '2026-08-01T09:00:00.000Z', by };
const planFor = (ownerId: string, due: string): PlanRecord => ({ ownerId, due, plannedAt: '2026-08-01T09:00:00.000Z', by });

const row = (over: Partial<HandoverRow> = {}): HandoverRow =>
  ({
    id: 'qianpu-h1',
    communityId: 'qianpu',
    outgoingCompanyId: 'jiayuan',
    incomingCompanyId: 'haiyue',
    reason: '退出',
    status: 'active',
    startedAt: new Date('2026-08-01T09:00:00.000Z'),
    finishedAt: null,
    steps: {},
    plans: {},
    blockers: [],
    version: 1,
    position: '1',
    ...over,
  }) as HandoverRow;

const allBut = (...left: string[]) => Object.fromEntries(HANDOVER_STEPS.filter((s) => !left.includes(s)).map((s) => [s, doneStep]));
const stepOf = (view: ReturnType<typeof handoverView>, step: string) => view.steps.find((s) => s.step === step)!;

describe('progress', () => {
  it('when a completed handover still lacks service_continuity, it is at 89 %', () =>
    expect(handoverView(row({ status: 'completed', steps: allBut('service_continuity') }), NOW, new Map()).percentDone).toBe(89));
  it('when service_continuity is confirmed after completion, it is at 100 %', () =>
    expect(handoverView(row({ status: 'completed', steps: allBut() }), NOW, new Map()).percentDone).toBe(100));
});

describe('owners and due dates', () => {
  const planned = row({
    plans: {
      archives: planFor('staff-1', '2026-08-10'),
      funds_settled: planFor('gone', '2026-09-30'),
      exit_notice: planFor('sec-1', '2026-08-10'),
    },
    steps: { exit_notice: doneStep },
  });
  const view = handoverView(planned, NOW, new Map([['staff-1', '小陈']]));

  it('when a step is planned, it shows the owner named as the directory says now, and the due date', () =>
    expect(stepOf(view, 'archives')).toMatchObject({
      done: false,
      owner: { id: 'staff-1', name: '小陈' },
      due: '2026-08-10',
      overdue: true,
    }));
  it('when the directory does not know the owner, the name is null', () =>
    expect(stepOf(view, 'funds_settled')).toMatchObject({ owner: { id: 'gone', name: null }, overdue: false }));
  it('when the step is done, it is not overdue whatever its due date', () =>
    expect(stepOf(view, 'exit_notice')).toMatchObject({ done: true, overdue: false }));
  it('when a step has no plan, it has no owner or due date', () =>
    expect(stepOf(view, 'selection')).toMatchObject({ owner: null, due: null, overdue: false }));
  it('when steps are overdue, the handover counts them', () => expect(view.overdueSteps).toBe(1));
  it('when a date is due, it is overdue only after that day ends in Shanghai', () => {
    const due = row({ plans: { archives: planFor('staff-1', '2026-08-20') } });
    expect(handoverView(due, new Date('2026-08-20T15:59:59.000Z'), new Map()).overdueSteps).toBe(0);
    expect(handoverView(due, new Date('2026-08-20T16:00:01.000Z'), new Map()).overdueSteps).toBe(1);
  });
  it('when the handover is over, only an unconfirmed service_continuity can still be overdue', () => {
    const over = row({
      status: 'completed',
      steps: allBut('exit_notice', 'service_continuity'),
      plans: { exit_notice: planFor('sec-1', '2026-08-10'), service_continuity: planFor('staff-9', '2026-08-10') },
    });
    expect(
      handoverView(over, NOW, new Map())
        .steps.filter((s) => s.overdue)
        .map((s) => s.step),
    ).toEqual(['service_continuity']);
    expect(handoverView({ ...over, status: 'cancelled' } as HandoverRow, NOW, new Map()).overdueSteps).toBe(0);
  });
  it('when the names to look up are asked for, they are the planned owners', () =>
    expect(ownerIds([planned]).sort()).toEqual(['gone', 'sec-1', 'staff-1']));
});
