import type { Projection } from '../engine/projection';
import { SlaDeadlines1764300006000 } from './1764300006000-sla-deadlines';
import { SlaDeadlineRow } from './sla-deadline.entity';
import { SlaDeadlinesProjection } from './sla-deadlines.projection';

export * from './sla-deadline.entity';
export * from './sla-deadline.queries';
export { SlaDeadlinesProjection } from './sla-deadlines.projection';

export const SLA_MIGRATIONS: Function[] = [SlaDeadlines1764300006000];
export const SLA_ENTITIES: Function[] = [SlaDeadlineRow];
export const createSlaProjections = (): Projection[] => [new SlaDeadlinesProjection()];
