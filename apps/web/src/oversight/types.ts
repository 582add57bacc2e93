/** The read models only the oversight screens use (GET /dashboards/summary, /handovers, /audit/seals). */
export type Percentiles = { p50: number | null; p90: number | null };

export type Figures = {
  filed: number;
  withdrawn: number;
  firstResponseSeconds: Percentiles;
  resolutionSeconds: Percentiles;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  reopenRate: number | null;
  backlog: number;
  overdue: number;
  merged: number;
  followUpRate?: number | null;
  followUpSatisfactionRate?: number | null;
};
export type GroupFigures = Figures & { key: string };
export type Summary = { asOfPosition: number; from: string; to: string; total: Figures; groups?: GroupFigures[] };

export type Ref = { id: string; roles?: string[]; name?: string | null };

export type HandoverStepView = {
  step: string;
  done: boolean;
  by?: Ref | null;
  note?: string | null;
  completedAt?: string | null;
  owner: { id: string; name: string | null } | null;
  due: string | null;
  overdue: boolean;
  method?: string;
  incomingCompanyId?: string;
  defects?: string[];
};
export type Blocker = { n: number; by: Ref; text: string; note: string | null; raisedAt: string; resolvedAt: string | null };
export type Handover = {
  id: string;
  communityId: string;
  outgoingCompanyId: string;
  incomingCompanyId: string | null;
  reason: string;
  status: 'active' | 'completed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  daysElapsed: number;
  percentDone: number;
  overdueSteps: number;
  steps: HandoverStepView[];
  openBlockers: Blocker[];
  blockers: Blocker[];
  version: number;
};

export type Seal = { position: number; upTo: number; streams: number; root: string; sealedAt: string };

export type Company = { id: string; name: string };
