import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { People1764300020000 } from './1764300020000-people';
import { PeopleProjection } from './people.projection';

export const PEOPLE_MIGRATIONS: MigrationClass[] = [People1764300020000];
export const createPeopleProjections = (): Projection[] => [new PeopleProjection()];
