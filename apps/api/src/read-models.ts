import type { EntityClass, MigrationClass } from '@jinlin/projections';
import { EVENT_STORE_MIGRATIONS } from '@jinlin/event-store';
import {
  PROJECTION_ENGINE_MIGRATIONS,
  READ_MODEL_ENTITIES as ENTITIES,
  READ_MODEL_MIGRATIONS,
  createReadModelProjections,
  type Projection,
} from '@jinlin/projections';

/** Every table the service owns comes from these migrations, in this order. */
export const ALL_MIGRATIONS: MigrationClass[] = [...EVENT_STORE_MIGRATIONS, ...PROJECTION_ENGINE_MIGRATIONS, ...READ_MODEL_MIGRATIONS];

export const READ_MODEL_ENTITIES: EntityClass[] = [...ENTITIES];

export function createProjections(): Projection[] {
  return createReadModelProjections();
}
