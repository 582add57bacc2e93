import type { Person } from '../person/person.types';
import type { CommandMetadata } from '../shared/command';
import type { HandoverStep, SelectionMethod } from './handover.events';

type Cmd<Type extends string, Data> = Readonly<{ type: Type; data: Data; metadata: CommandMetadata }>;

export type StartHandover = Cmd<
  'StartHandover',
  {
    handoverId: string;
    communityId: string;
    outgoingCompanyId: string;
    reason: string;
    /** Looked up by the caller: the community's company now, and whether its last handover is still open. */
    community: Readonly<{ exists: boolean; propertyCompanyId: string | null; previousHandoverActive: boolean }>;
  }
>;
export type CompleteHandoverStep = Cmd<
  'CompleteHandoverStep',
  {
    step: HandoverStep;
    note: string;
    incomingCompanyId?: string;
    method?: SelectionMethod;
    defects?: string[];
    incomingCompanyExists?: boolean;
  }
>;
export type PlanHandoverStep = Cmd<
  'PlanHandoverStep',
  {
    step: HandoverStep;
    ownerId: string;
    /** As the client sent it: a date (YYYY-MM-DD, the end of that day in Asia/Shanghai) or a date-time with offset. */
    due: string;
    /** What the owner's stream says of them, looked up by the caller. */
    owner: Person;
  }
>;
export type RaiseHandoverBlocker = Cmd<'RaiseHandoverBlocker', { text: string }>;
export type ResolveHandoverBlocker = Cmd<'ResolveHandoverBlocker', { n: number; note: string | null }>;
export type CompleteHandover = Cmd<'CompleteHandover', Record<string, never>>;
export type CancelHandover = Cmd<'CancelHandover', { reason: string }>;

export type HandoverCommand =
  | StartHandover
  | PlanHandoverStep
  | CompleteHandoverStep
  | RaiseHandoverBlocker
  | ResolveHandoverBlocker
  | CompleteHandover
  | CancelHandover;
