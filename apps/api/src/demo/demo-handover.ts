import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { DomainError, type HandoverStep, type Principal } from '@jinlin/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/handle-command';
import { CompleteStepCommand } from '../handovers/complete-step/complete-step.command';
import { PlanStepCommand } from '../handovers/plan-step/plan-step.command';
import { RaiseBlockerCommand } from '../handovers/raise-blocker/raise-blocker.command';
import { StartHandoverCommand } from '../handovers/start-handover/start-handover.command';
import { committeeOf, DEMO_INCOMING_COMPANY, DEMO_INCOMING_MANAGER, DEMO_MANAGER, DEMO_MANAGING_COMPANY, DEMO_SECRETARY } from './demo-ids';

/** 华侨海景城's owners voted to change company: the handover is under way, with owners and due dates. */
export const DEMO_HANDOVER_COMMUNITY = 'huaqiao-haijingcheng';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

type Step = Readonly<{ daysAgo: number; actor: Principal; send: (handoverId: string, ctx: CommandContext) => Promise<CommandResult> }>;

/** A calendar day in Asia/Shanghai, `days` from now: a step's due date. */
const dayFrom = (now: number, days: number) => new Date(now + days * DAY + SHANGHAI).toISOString().slice(0, 10);

/**
 * The story of the handover, in time order. It stops short of completion: the incoming company's
 * people can already sign in and see the steps that are theirs, one step is overdue and a
 * blocker is open, which is what the committee's overview is for.
 */
export async function loadDemoHandover(commands: CommandBus, now: Date): Promise<number> {
  const committee = committeeOf(DEMO_HANDOVER_COMMUNITY);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const ctx = (actor: Principal, daysAgo: number): CommandContext => ({ actor, now: at(daysAgo), correlationId: randomUUID() });
  let started: CommandResult;
  try {
    started = await commands.execute(
      new StartHandoverCommand(
        {
          communityId: DEMO_HANDOVER_COMMUNITY,
          outgoingCompanyId: DEMO_MANAGING_COMPANY,
          reason: '嘉园物业合同到期不再续约，业主大会表决另选物业',
        },
        ctx(committee, 12),
      ),
    );
  } catch (error) {
    // Loaded before (`npm run demo -- --force`): one active handover per community is enough.
    if (error instanceof DomainError && error.code === 'HANDOVER_ALREADY_ACTIVE') return 0;
    throw error;
  }
  const complete =
    (step: HandoverStep, note: string, extra: Record<string, unknown> = {}) =>
    (id: string, c: CommandContext) =>
      commands.execute(new CompleteStepCommand(id, step, { note, ...extra }, c));
  const plan = (step: HandoverStep, owner: Principal, dueInDays: number) => (id: string, c: CommandContext) =>
    commands.execute(new PlanStepCommand(id, step, { ownerId: owner.id, due: dayFrom(now.getTime(), dueInDays) }, c));
  const steps: Step[] = [
    { daysAgo: 12, actor: committee, send: complete('exit_notice', '嘉园物业书面告知：合同期满后退出，提前三个月通知') },
    { daysAgo: 11, actor: DEMO_SECRETARY, send: complete('residents_informed', '各楼栋张贴公告，业主群发布，社区茶话会说明') },
    { daysAgo: 10, actor: committee, send: plan('selection', committee, -4) },
    {
      daysAgo: 5,
      actor: committee,
      send: complete('selection', '业主大会表决：海悦物业得票 68%', { incomingCompanyId: DEMO_INCOMING_COMPANY, method: 'owners_vote' }),
    },
    { daysAgo: 5, actor: committee, send: plan('contract_signed', committee, 2) },
    { daysAgo: 5, actor: committee, send: plan('archives', DEMO_MANAGER, -1) },
    { daysAgo: 4, actor: committee, send: plan('keys_and_systems', DEMO_MANAGER, 10) },
    { daysAgo: 4, actor: committee, send: plan('service_continuity', DEMO_INCOMING_MANAGER, 45) },
    {
      daysAgo: 2,
      actor: committee,
      send: complete('facilities_inspection', '业委会与两家物业共同查验，拍照存档', {
        defects: ['3号楼电梯井道渗水', '地下车库B区消防喷淋头缺失4处', '12号楼单元门禁损坏'],
      }),
    },
    { daysAgo: 1, actor: committee, send: (id, c) => commands.execute(new RaiseBlockerCommand(id, '专项维修资金账户尚未移交', c)) },
  ];
  let version = started.version;
  for (const step of steps) version = (await step.send(started.id, ctx(step.actor, step.daysAgo))).version;
  return version; // a new stream: its version is the number of events written
}
