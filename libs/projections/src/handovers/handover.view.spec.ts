import { HANDOVER_STEPS } from '@jinlin/domain';
import type { HandoverRow, StepRecord } from './handover.entity';
import { handoverView } from './handover.view';

const NOW = new Date('2026-08-20T09:00:00.000Z');
const by = { id: 'com-1', roles: ['committee'] };
const doneStep: StepRecord = { note: '完成', completedAt: '2026-08-01T09:00:00.000Z', by };

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
    blockers: [],
    version: 1,
    position: '1',
    ...over,
  }) as HandoverRow;

const allBut = (...left: string[]) => Object.fromEntries(HANDOVER_STEPS.filter((s) => !left.includes(s)).map((s) => [s, doneStep]));

describe('progress', () => {
  it('when a completed handover still lacks service_continuity, it is at 89 %', () =>
    expect(handoverView(row({ status: 'completed', steps: allBut('service_continuity') }), NOW).percentDone).toBe(89));
  it('when service_continuity is confirmed after completion, it is at 100 %', () =>
    expect(handoverView(row({ status: 'completed', steps: allBut() }), NOW).percentDone).toBe(100));
});
