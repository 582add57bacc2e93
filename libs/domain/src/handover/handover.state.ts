import type { HandoverEvent, HandoverStep } from './handover.events';

export type HandoverStatus = 'active' | 'completed' | 'cancelled';

export type ActiveHandover = Readonly<{
  exists: true;
  id: string;
  communityId: string;
  outgoingCompanyId: string;
  incomingCompanyId: string | null;
  status: HandoverStatus;
  /** When HandoverCompleted was recorded: service_continuity's window runs from here. */
  completedAt: string | null;
  done: ReadonlySet<HandoverStep>;
  /** Recorded at facilities_inspection; each becomes a ticket of the incoming company on completion. */
  defects: readonly string[];
  blockers: number;
  openBlockers: ReadonlySet<number>;
}>;

export type Handover = Readonly<{ exists: false }> | ActiveHandover;

export const initialHandover = (): Handover => ({ exists: false });

export function evolveHandover(state: Handover, event: HandoverEvent): Handover {
  if (event.type === 'HandoverStarted') {
    const d = event.data;
    return {
      exists: true,
      id: d.handoverId,
      communityId: d.communityId,
      outgoingCompanyId: d.outgoingCompanyId,
      incomingCompanyId: null,
      status: 'active',
      completedAt: null,
      done: new Set(),
      defects: [],
      blockers: 0,
      openBlockers: new Set(),
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'HandoverStepPlanned':
      return state;
    case 'HandoverStepCompleted':
      return {
        ...state,
        done: new Set([...state.done, event.data.step]),
        incomingCompanyId: event.data.incomingCompanyId ?? state.incomingCompanyId,
        defects: event.data.defects ?? state.defects,
      };
    case 'HandoverBlockerRaised':
      return { ...state, blockers: event.data.n, openBlockers: new Set([...state.openBlockers, event.data.n]) };
    case 'HandoverBlockerResolved':
      return { ...state, openBlockers: new Set([...state.openBlockers].filter((n) => n !== event.data.n)) };
    case 'HandoverCompleted':
      return { ...state, status: 'completed', completedAt: event.data.completedAt };
    case 'HandoverCancelled':
      return { ...state, status: 'cancelled' };
  }
}
