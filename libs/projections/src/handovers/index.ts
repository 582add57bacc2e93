import type { EntityClass, MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { Handovers1764300005000 } from './1764300005000-handovers';
import { HandoverPlans1764300041000 } from './1764300041000-handover-plans';
import { HandoverRow } from './handover.entity';
import { HandoversProjection } from './handovers.projection';

export * from './handover.entity';
export * from './handover.view';

export const HANDOVER_MIGRATIONS: MigrationClass[] = [Handovers1764300005000, HandoverPlans1764300041000];
export const HANDOVER_ENTITIES: EntityClass[] = [HandoverRow];
export const createHandoverProjections = (): Projection[] => [new HandoversProjection()];
