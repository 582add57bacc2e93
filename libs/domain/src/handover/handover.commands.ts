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
export type RaiseHandoverBlocker = Cmd<'RaiseHandoverBlocker', { text: string }>;
export type ResolveHandoverBlocker = Cmd<'ResolveHandoverBlocker', { n: number; note: string | null }>;
export type CompleteHandover = Cmd<'CompleteHandover', Record<string, never>>;
export type CancelHandover = Cmd<'CancelHandover', { reason: string }>;

export type HandoverCommand =
  StartHandover | CompleteHandoverStep | RaiseHandoverBlocker | ResolveHandoverBlocker | CompleteHandover | CancelHandover;
