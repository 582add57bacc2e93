import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { SlaDeadlines1764300006000 } from './1764300006000-sla-deadlines';
import { SlaWarningsAndLadder1764300092000 } from './1764300092000-sla-warnings-and-ladder';
import { SlaDeadlinesProjection } from './sla-deadlines.projection';

export * from './sla-deadline.queries';
export { DEADLINE_KINDS, type DeadlineKind } from './sla-deadline.changes';

export const SLA_MIGRATIONS: MigrationClass[] = [SlaDeadlines1764300006000, SlaWarningsAndLadder1764300092000];
export const createSlaProjections = (): Projection[] => [new SlaDeadlinesProjection()];
