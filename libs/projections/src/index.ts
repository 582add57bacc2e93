import { ProjectionCheckpoints1764300001000 } from './engine/migrations/1764300001000-projection-checkpoints';

export * from './engine/projection';
export * from './engine/projection-engine';
export * from './engine/projection-runner';
export * from './engine/rebuild';
export * from './engine/checkpoints';

export const PROJECTION_ENGINE_MIGRATIONS = [ProjectionCheckpoints1764300001000];
