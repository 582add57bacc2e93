import type { Projection } from '../engine/projection';

export const SLA_MIGRATIONS: Function[] = [];
export const SLA_ENTITIES: Function[] = [];
export const createSlaProjections = (): Projection[] => [];
