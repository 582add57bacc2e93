import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { SlaDeadlines1764300006000 } from './1764300006000-sla-deadlines';
import { SlaDeadlinesProjection } from './sla-deadlines.projection';

export * from './sla-deadline.queries';

export const SLA_MIGRATIONS: MigrationClass[] = [SlaDeadlines1764300006000];
export const createSlaProjections = (): Projection[] => [new SlaDeadlinesProjection()];
